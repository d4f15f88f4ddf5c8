/**
 * The screenshot plugin of the rich client: "Share screenshot" in every conversation (and its key
 * binding), capturing all monitors, the region overlay, markup and preview, pictures pasted into the
 * composer, sending as PNG attachments in messages of kind {@code image}, and the inline thumbnail that
 * renders them. Built only from the client's public doors. Not API.
 */
package org.confab.screenshot.ui.internal;
