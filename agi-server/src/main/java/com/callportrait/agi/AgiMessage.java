package com.callportrait.agi;

/** What the decoder reads from Asterisk: the environment once, then replies and hangups. */
public sealed interface AgiMessage permits AgiRequest, AgiReply, AgiHangup {
}
