/**
 * What an outside observer of the application sees: agent pages over WebSocket
 * ({@link com.callportrait.simulator.observe.PopWatcher}) and the Prometheus page
 * ({@link com.callportrait.simulator.observe.ServerMetrics}).
 */
package com.callportrait.simulator.observe;
