/**
 * Implementation of the client; not exported. {@link org.confab.client.core.internal.ClientEngine} is
 * public only so the API class can construct it.
 */
package org.confab.client.core.internal;
