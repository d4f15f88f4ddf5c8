/**
 * The bodies of the core messages as validating records ({@link org.confab.protocol.messages.Messages},
 * {@link org.confab.protocol.messages.AdminMessages}) and the core message type names
 * ({@link org.confab.protocol.messages.MessageTypes}); the attachment and file-transfer bodies
 * ({@link org.confab.protocol.messages.AttachmentMessages}, {@link org.confab.protocol.messages.FileTransferMessages});
 * plugin administration ({@link org.confab.protocol.messages.PluginMessages}); the nodes and health of a cluster
 * ({@link org.confab.protocol.messages.ClusterMessages}).
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("0.6.0")
package org.confab.protocol.messages;
