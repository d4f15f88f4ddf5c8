/**
 * The API of the Confab rich client, for plugins: the logged-in {@link org.confab.client.ui.ChatSession}
 * service, the {@link org.confab.client.ui.ClientSettings} service, and the
 * {@link org.confab.client.ui.ConversationAction} whiteboard through which plugins add actions to every
 * conversation. See {@code docs/plugin-guide.md}.
 */
package org.confab.client.ui;
