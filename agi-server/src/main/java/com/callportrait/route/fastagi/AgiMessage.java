package com.callportrait.route.fastagi;

/** What the decoder reads from Asterisk: the environment once, then replies and hangups. */
public sealed interface AgiMessage permits AgiRequest, AgiReply, AgiHangup {
}
