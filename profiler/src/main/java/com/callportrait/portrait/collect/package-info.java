/**
 * Data collection: the raw records every source produces ({@link CustomerRecord}, {@link BillRecord},
 * {@link ComplaintRecord}, {@link TicketRecord}, {@link InteractionRecord}, {@link EnrichmentRecord}),
 * the {@link RecordSink} they are pushed into, and the pluggable {@link Source}s: CRM exports (CSV or
 * JSON lines), Asterisk {@code Master.csv} CDRs and {@code queue_log}, the live-call interaction
 * stream in Redis and a third-party enrichment service over HTTP. Sources stream; none of them holds
 * a whole file in memory.
 */
package com.callportrait.portrait.collect;
