/**
 * The local durable spool under the interaction records: {@link com.callportrait.records.spool.Journal},
 * an append-only, fsync'd, segment-file journal a record is written to before it counts as
 * accepted, and from which it leaves only after its destination (Redis) acknowledged it;
 * {@link com.callportrait.records.spool.SpoolOptions} configures it. Format: per entry a 16-byte
 * header (payload length, CRC32C of sequence and payload, sequence number) then the payload; a
 * torn last write is detected by length and CRC, logged and cut off.
 */
package com.callportrait.records.spool;
