/**
 * The file-transfer plugin of the rich client: the "Send file…" composer action and drop handler, the
 * transfers as Eclipse Jobs, and the conversation row of messages of kind {@code file}. Not API.
 */
package org.confab.filetransfer.ui.internal;
