/**
 * Importing customers from CRM exports: {@link com.callportrait.profile.imports.CustomerCsvImporter}
 * (header-based CSV, each bad row rejected with line and reason, an
 * {@link com.callportrait.profile.imports.ImportReport}) and the bundled
 * {@link com.callportrait.profile.imports.DemoCustomers}.
 */
package com.callportrait.profile.imports;
