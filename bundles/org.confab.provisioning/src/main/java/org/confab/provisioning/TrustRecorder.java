package org.confab.provisioning;

import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Objects;

import org.bouncycastle.openpgp.PGPPublicKey;
import org.eclipse.equinox.p2.core.UIServices;

/**
 * p2's questions during an install, answered where nobody can be asked (the server; a first start).
 * The administrator (or the product itself) chose the repository, so content that is unsigned or signed by a signer this installation does not know
 * is installed, but every such artifact becomes a warning in the answer and the audit log
 * (docs/security.md). Trust is never remembered, and passwords are never prompted for.
 */
final class TrustRecorder extends UIServices {
    private final List<String> warnings = new ArrayList<>();

    synchronized List<String> warnings() {
        return List.copyOf(warnings);
    }

    @Override
    public AuthenticationInfo getUsernamePassword(String location) {
        return AUTHENTICATION_PROMPT_CANCELED;
    }

    @Override
    public AuthenticationInfo getUsernamePassword(String location, AuthenticationInfo previousInfo) {
        return AUTHENTICATION_PROMPT_CANCELED;
    }

    @Override
    public TrustInfo getTrustInfo(Certificate[][] untrustedChains, String[] unsignedDetail) {
        return getTrustInfo(untrustedChains, List.of(), unsignedDetail);
    }

    @Override
    public synchronized TrustInfo getTrustInfo(Certificate[][] untrustedChains,
            Collection<PGPPublicKey> untrustedPGPKeys, String[] unsignedDetail) {
        if (unsignedDetail != null) {
            Arrays.stream(unsignedDetail).filter(Objects::nonNull)
                    .forEach(artifact -> warnings.add("unsigned content installed: " + artifact));
        }
        List<Certificate> signers = new ArrayList<>();
        if (untrustedChains != null) {
            for (Certificate[] chain : untrustedChains) {
                if (chain != null && chain.length > 0) {
                    signers.add(chain[0]);
                    warnings.add("signed by an unknown signer: " + subject(chain[0]));
                }
            }
        }
        Collection<PGPPublicKey> keys = untrustedPGPKeys == null ? List.of() : untrustedPGPKeys;
        keys.forEach(key -> warnings.add("signed with an unknown PGP key: " + Long.toHexString(key.getKeyID())));
        return new TrustInfo(signers, keys, false, true);
    }

    private static String subject(Certificate certificate) {
        return certificate instanceof X509Certificate x509 ? x509.getSubjectX500Principal().getName()
                : certificate.getType() + " certificate";
    }
}
