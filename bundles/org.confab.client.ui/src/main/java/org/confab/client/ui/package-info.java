/**
 * The API of the Confab rich client, for plugins: the logged-in {@link org.confab.client.ui.ChatSession}
 * service, the {@link org.confab.client.ui.ClientSettings} service, and the
 * {@link org.confab.client.ui.ConversationAction} whiteboard through which plugins add actions to every
 * conversation. See {@code docs/plugin-guide.md}.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("0.6.0")
package org.confab.client.ui;
