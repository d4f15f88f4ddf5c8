/**
 * The client's state and presenters as plain Java: no SWT, no OSGi. Models are confined to one thread
 * (the display thread in the application, the test thread in unit tests) and tell observers about
 * changes; the parts only render them.
 */
package org.confab.client.ui.internal.model;
