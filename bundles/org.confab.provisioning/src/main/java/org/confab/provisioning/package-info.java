/**
 * Changing a running Confab product's own installation with p2: {@link org.confab.provisioning.P2Provisioner}
 * installs, updates and removes plugin features and applies the change without a restart;
 * {@link org.confab.provisioning.BuiltInPlugins} installs the plugins a product ships at its first
 * start. Shared by the server's plugin administration and the rich client's plugins page, and by
 * nobody else (exported to those two bundles only).
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("0.1.0")
package org.confab.provisioning;
