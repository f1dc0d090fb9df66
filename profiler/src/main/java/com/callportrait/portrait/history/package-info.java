/**
 * Customer histories kept in Redis, shared by every instance and surviving restarts:
 * {@link com.callportrait.portrait.history.RedisHistories} is the
 * {@link com.callportrait.portrait.engine.HistoryRepository} the server's live path folds records
 * into, one key per customer ({@code cp:hist:{<customerId>}}, a write generation plus the
 * {@link com.callportrait.portrait.features.HistoryCodec} bytes, replaced by a compare-and-set Lua
 * script) and one per indexed phone ({@code cp:hist:phone:{<e164>}}).
 */
package com.callportrait.portrait.history;
