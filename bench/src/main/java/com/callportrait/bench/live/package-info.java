/**
 * End-to-end live routing latency with real audio ({@code live-action}): how long after an angry
 * caller stops speaking the PBX receives the action, through the real ports (FastAGI, AudioSocket,
 * AMI) and the real speech path.
 */
package com.callportrait.bench.live;
