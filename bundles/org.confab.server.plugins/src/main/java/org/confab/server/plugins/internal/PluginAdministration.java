package org.confab.server.plugins.internal;

import java.net.URI;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

import org.confab.protocol.ProtocolException;
import org.confab.protocol.messages.PluginMessages;
import org.confab.protocol.messages.PluginMessages.Change;
import org.confab.protocol.messages.PluginMessages.Plugin;
import org.confab.server.api.AdminActor;
import org.confab.server.api.AdminService;
import org.confab.server.api.StorageException;
import org.confab.server.spi.AuditLog;
import org.confab.server.spi.NewAuditEntry;
import org.confab.provisioning.P2Provisioner;
import org.eclipse.equinox.internal.provisional.configurator.Configurator;
import org.eclipse.equinox.p2.core.IProvisioningAgent;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The plugin operations behind both doors, the {@code admin.plugin*} requests and the console: each
 * checks the actor like every administrative operation ({@code NOT_ALLOWED} for anyone who is not an
 * active administrator), validates the repository address, changes the running installation through
 * p2, and records the change in the audit log, warnings included. A refused or failed change is
 * logged but not audited, as for the other administrative operations.
 */
@Component(service = PluginAdministration.class)
public class PluginAdministration {
    private static final Logger LOG = LoggerFactory.getLogger(PluginAdministration.class);

    private final AdminService admin;
    private final AuditLog audit;
    private final P2Provisioner provisioner;
    private final Clock clock = Clock.systemUTC();

    @Activate
    public PluginAdministration(@Reference AdminService admin, @Reference AuditLog audit,
            @Reference(target = "(" + IProvisioningAgent.SERVICE_CURRENT + "=true)") IProvisioningAgent agent,
            @Reference Configurator configurator) {
        this.admin = admin;
        this.audit = audit;
        this.provisioner = new P2Provisioner(agent, configurator);
    }

    /** Fails with {@code NOT_ALLOWED} unless {@code actor} may administer; requests check before reading their body. */
    public void authorize(AdminActor actor) throws ProtocolException {
        admin.authorize(actor);
    }

    public List<Plugin> plugins(AdminActor actor) throws ProtocolException {
        admin.authorize(actor);
        return provisioner.installed();
    }

    public Change install(AdminActor actor, String repository, String feature) throws ProtocolException {
        admin.authorize(actor);
        String id = PluginMessagesChecks.feature(feature);
        P2Provisioner.Outcome outcome = provisioner.install(RepositoryAddress.parse(repository), id);
        return recorded(actor, "plugin.install", outcome, "from " + repository.strip());
    }

    public Change update(AdminActor actor, String repository, String feature) throws ProtocolException {
        admin.authorize(actor);
        String id = PluginMessagesChecks.feature(feature);
        P2Provisioner.Outcome outcome = provisioner.update(RepositoryAddress.parse(repository), id);
        return recorded(actor, "plugin.update", outcome, "from " + repository.strip());
    }

    /**
     * Installs a plugin the server product ships in its own repository, at the first start of a data
     * directory ({@link FirstStartPlugins}); audited as the console, since the operator who started
     * the product chose it.
     */
    Change installBuiltIn(URI repository, String feature) throws ProtocolException {
        P2Provisioner.Outcome outcome = provisioner.install(repository, PluginMessagesChecks.feature(feature));
        return recorded(AdminActor.console(), "plugin.install", outcome,
                "from " + repository + " (built into the product, installed at the first start)");
    }

    public Change uninstall(AdminActor actor, String feature) throws ProtocolException {
        admin.authorize(actor);
        P2Provisioner.Outcome outcome = provisioner.uninstall(PluginMessagesChecks.feature(feature));
        return recorded(actor, "plugin.uninstall", outcome, "");
    }

    private Change recorded(AdminActor actor, String action, P2Provisioner.Outcome outcome, String source) {
        Plugin plugin = outcome.plugin();
        StringBuilder details = new StringBuilder("version ").append(plugin.version());
        if (!source.isEmpty()) {
            details.append(' ').append(source);
        }
        outcome.warnings().forEach(warning -> details.append("; ").append(warning));
        String text = details.length() > 2000 ? details.substring(0, 2000) + "…" : details.toString();
        NewAuditEntry entry = new NewAuditEntry(clock.instant(), actor.name(), action, Optional.of(plugin.feature()),
                actor.address(), text);
        LOG.info("audit: {} from {}: {} {}: {}", actor.name(), actor.address(), action, plugin.feature(), text);
        try {
            audit.append(entry);
        } catch (StorageException e) {
            LOG.error("could not store the audit entry {}", entry, e);
        }
        return new Change(plugin, outcome.warnings());
    }

    /** The console passes raw text; the wire records check theirs when they are read. */
    private static final class PluginMessagesChecks {
        static String feature(String feature) throws ProtocolException {
            try {
                return PluginMessages.featureId(feature);
            } catch (IllegalArgumentException e) {
                throw new ProtocolException(org.confab.protocol.ErrorCode.BAD_REQUEST, e.getMessage());
            }
        }
    }
}
