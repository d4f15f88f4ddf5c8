package org.confab.provisioning;

import java.io.IOException;
import java.net.URI;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.confab.protocol.ErrorCode;
import org.confab.protocol.ProtocolException;
import org.confab.protocol.messages.PluginMessages.Plugin;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.NullProgressMonitor;
import org.eclipse.equinox.internal.provisional.configurator.Configurator;
import org.eclipse.equinox.p2.core.IProvisioningAgent;
import org.eclipse.equinox.p2.core.ProvisionException;
import org.eclipse.equinox.p2.core.UIServices;
import org.eclipse.equinox.p2.engine.IProfile;
import org.eclipse.equinox.p2.engine.IProfileRegistry;
import org.eclipse.equinox.p2.engine.query.UserVisibleRootQuery;
import org.eclipse.equinox.p2.metadata.IInstallableUnit;
import org.eclipse.equinox.p2.operations.InstallOperation;
import org.eclipse.equinox.p2.operations.ProfileChangeOperation;
import org.eclipse.equinox.p2.operations.ProvisioningJob;
import org.eclipse.equinox.p2.operations.ProvisioningSession;
import org.eclipse.equinox.p2.operations.UninstallOperation;
import org.eclipse.equinox.p2.operations.UpdateOperation;
import org.eclipse.equinox.p2.query.QueryUtil;
import org.eclipse.equinox.p2.repository.artifact.IArtifactRepositoryManager;
import org.eclipse.equinox.p2.repository.metadata.IMetadataRepository;
import org.eclipse.equinox.p2.repository.metadata.IMetadataRepositoryManager;

/**
 * Changes the running product's own p2 profile (the server's or a client's): the plugin features are
 * the profile's root feature groups besides the product. Each change is planned and run with p2's operations against exactly
 * the one repository the administrator named (never the repositories p2 already knows), and then
 * applied to the running framework by the simpleconfigurator's {@link Configurator}, as Eclipse's
 * "Apply changes now" does: new bundles are installed and started, removed ones stopped and
 * uninstalled, with no restart. One change at a time. Shared by the server's plugin administration
 * and the client's first start ({@link BuiltInPlugins}).
 */
public final class P2Provisioner {
    private static final String GROUP_SUFFIX = ".feature.group";
    /**
     * The profile property p2 puts on the installable units of the shared (product) installation in
     * the profile of a user of it: {@code ./confab server} and {@code ./confab client} run the product
     * as a shared installation, so what the product itself contains is locked and cannot be removed
     * from one server's or client's profile. The built-in plugins are therefore not part of the
     * product but installed into each profile at its first start ({@link BuiltInPlugins}).
     */
    private static final String BASE_PROPERTY = "org.eclipse.equinox.p2.base";

    /** The outcome of a change: the feature as it is now (as it was, after an uninstall) and warnings. */
    public record Outcome(Plugin plugin, List<String> warnings) {
    }

    private final IProvisioningAgent agent;
    private final Configurator configurator;

    public P2Provisioner(IProvisioningAgent agent, Configurator configurator) {
        this.agent = agent;
        this.configurator = configurator;
    }

    public synchronized List<Plugin> installed() throws ProtocolException {
        IProfile profile = profile();
        return roots(profile).stream().map(unit -> plugin(profile, unit)).sorted(Comparator.comparing(Plugin::feature))
                .toList();
    }

    public synchronized Outcome install(URI repository, String feature) throws ProtocolException {
        IProfile profile = profile();
        if (root(profile, feature).isPresent()) {
            throw new ProtocolException(ErrorCode.CONFLICT, "plugin " + feature + " is installed already; update it instead");
        }
        if (!profile.available(QueryUtil.createIUQuery(feature + GROUP_SUFFIX), null).isEmpty()) {
            throw new ProtocolException(ErrorCode.CONFLICT, feature + " is part of the product");
        }
        return withRepository(repository, source -> {
            Set<IInstallableUnit> units = source.query(
                    QueryUtil.createLatestQuery(QueryUtil.createIUQuery(feature + GROUP_SUFFIX)), null).toUnmodifiableSet();
            if (units.isEmpty()) {
                throw new ProtocolException(ErrorCode.NOT_FOUND, "the repository has no feature " + feature);
            }
            InstallOperation operation = new InstallOperation(new ProvisioningSession(agent), units);
            List<String> warnings = run(operation, repository, "install " + feature);
            return new Outcome(plugin(profile(), units.iterator().next()), warnings);
        });
    }

    public synchronized Outcome update(URI repository, String feature) throws ProtocolException {
        IProfile profile = profile();
        IInstallableUnit installed = root(profile, feature).orElseThrow(() -> notInstalled(feature));
        refuseBuiltIn(profile, installed, "updated");
        return withRepository(repository, source -> {
            UpdateOperation operation = new UpdateOperation(new ProvisioningSession(agent), List.of(installed));
            operation.getProvisioningContext().setMetadataRepositories(repository);
            operation.getProvisioningContext().setArtifactRepositories(repository);
            IStatus resolved = operation.resolveModal(new NullProgressMonitor());
            if (resolved.getCode() == UpdateOperation.STATUS_NOTHING_TO_UPDATE) {
                return new Outcome(plugin(profile, installed), List.of("no newer version of " + feature + " in the repository"));
            }
            List<String> warnings = run(operation, repository, "update " + feature);
            IProfile changed = profile();
            return new Outcome(plugin(changed, root(changed, feature).orElse(installed)), warnings);
        });
    }

    public synchronized Outcome uninstall(String feature) throws ProtocolException {
        IProfile profile = profile();
        IInstallableUnit installed = root(profile, feature).orElseThrow(() -> {
            boolean builtIn = !profile.available(QueryUtil.createIUQuery(feature + GROUP_SUFFIX), null).isEmpty();
            return builtIn ? new ProtocolException(ErrorCode.CONFLICT, feature + " is part of the product")
                    : notInstalled(feature);
        });
        refuseBuiltIn(profile, installed, "uninstalled");
        Plugin before = plugin(profile, installed);
        UninstallOperation operation = new UninstallOperation(new ProvisioningSession(agent), List.of(installed));
        List<String> warnings = run(operation, null, "uninstall " + feature);
        return new Outcome(before, warnings);
    }

    /** Plans and runs a change with no repository but {@code repository} (none for an uninstall), then applies it. */
    private List<String> run(ProfileChangeOperation operation, URI repository, String what) throws ProtocolException {
        URI[] repositories = repository == null ? new URI[0] : new URI[] { repository };
        operation.getProvisioningContext().setMetadataRepositories(repositories);
        operation.getProvisioningContext().setArtifactRepositories(repositories);
        NullProgressMonitor monitor = new NullProgressMonitor();
        if (operation.getResolutionResult() == null) {
            IStatus resolved = operation.resolveModal(monitor);
            if (resolved.getSeverity() == IStatus.ERROR || resolved.getSeverity() == IStatus.CANCEL) {
                throw new ProtocolException(ErrorCode.CONFLICT,
                        "cannot " + what + ": " + Optional.ofNullable(operation.getResolutionDetails()).orElse(resolved.getMessage()));
            }
        }
        ProvisioningJob job = operation.getProvisioningJob(monitor);
        if (job == null) {
            throw new ProtocolException(ErrorCode.CONFLICT, "cannot " + what + ": " + operation.getResolutionDetails());
        }
        TrustRecorder trust = new TrustRecorder();
        agent.registerService(UIServices.SERVICE_NAME, trust);
        try {
            IStatus done = job.runModal(monitor);
            if (done.getSeverity() == IStatus.ERROR || done.getSeverity() == IStatus.CANCEL) {
                throw new ProtocolException(ErrorCode.INTERNAL, "could not " + what + ": " + message(done));
            }
        } finally {
            agent.unregisterService(UIServices.SERVICE_NAME, trust);
        }
        try {
            configurator.applyConfiguration();
        } catch (IOException e) {
            throw new ProtocolException(ErrorCode.INTERNAL,
                    what + " is done but could not be applied to the running process (it applies at the next start): " + e.getMessage());
        }
        return trust.warnings();
    }

    private interface RepositoryWork {
        Outcome run(IMetadataRepository repository) throws ProtocolException;
    }

    /**
     * Loads the repository for one change and forgets it afterwards, so an address an administrator
     * typed once does not become a source p2 consults later.
     */
    private Outcome withRepository(URI repository, RepositoryWork work) throws ProtocolException {
        IMetadataRepositoryManager metadata = agent.getService(IMetadataRepositoryManager.class);
        IArtifactRepositoryManager artifacts = agent.getService(IArtifactRepositoryManager.class);
        if (metadata == null || artifacts == null) {
            throw new ProtocolException(ErrorCode.INTERNAL, "p2's repository managers are not available");
        }
        boolean knownMetadata = metadata.contains(repository);
        boolean knownArtifacts = artifacts.contains(repository);
        try {
            IMetadataRepository source;
            try {
                source = metadata.loadRepository(repository, new NullProgressMonitor());
                artifacts.loadRepository(repository, new NullProgressMonitor());
            } catch (ProvisionException e) {
                throw new ProtocolException(ErrorCode.NOT_FOUND, "no p2 repository at " + repository + ": " + e.getMessage());
            }
            return work.run(source);
        } finally {
            if (!knownMetadata) {
                metadata.removeRepository(repository);
            }
            if (!knownArtifacts) {
                artifacts.removeRepository(repository);
            }
        }
    }

    private IProfile profile() throws ProtocolException {
        IProfileRegistry registry = agent.getService(IProfileRegistry.class);
        IProfile self = registry == null ? null : registry.getProfile(IProfileRegistry.SELF);
        if (self == null) {
            throw new ProtocolException(ErrorCode.CONFLICT,
                    "this installation has no p2 profile, so its plugins cannot be changed while it runs");
        }
        return self;
    }

    private static List<IInstallableUnit> roots(IProfile profile) {
        return profile.query(new UserVisibleRootQuery(), null).stream()
                .filter(unit -> unit.getId().endsWith(GROUP_SUFFIX)).toList();
    }

    private static Optional<IInstallableUnit> root(IProfile profile, String feature) {
        return roots(profile).stream().filter(unit -> unit.getId().equals(feature + GROUP_SUFFIX)).findFirst();
    }

    private static Plugin plugin(IProfile profile, IInstallableUnit unit) {
        String id = unit.getId();
        return new Plugin(id.substring(0, id.length() - GROUP_SUFFIX.length()), unit.getVersion().toString(),
                Optional.ofNullable(unit.getProperty(IInstallableUnit.PROP_NAME, null)).orElse(""),
                Optional.ofNullable(unit.getProperty(IInstallableUnit.PROP_PROVIDER, null)).orElse(""),
                builtIn(profile, unit));
    }

    private static boolean builtIn(IProfile profile, IInstallableUnit unit) {
        return Boolean.parseBoolean(profile.getInstallableUnitProperty(unit, BASE_PROPERTY));
    }

    private static void refuseBuiltIn(IProfile profile, IInstallableUnit unit, String what) throws ProtocolException {
        if (builtIn(profile, unit)) {
            throw new ProtocolException(ErrorCode.CONFLICT, unit.getId().substring(0, unit.getId().length() - GROUP_SUFFIX.length())
                    + " is part of the installation, which this process shares read-only; it can only be "
                    + what + " by changing the installation (the product) itself");
        }
    }

    private static ProtocolException notInstalled(String feature) {
        return new ProtocolException(ErrorCode.NOT_FOUND, "no plugin " + feature + " is installed");
    }

    private static String message(IStatus status) {
        StringBuilder text = new StringBuilder(status.getMessage());
        for (IStatus child : status.getChildren()) {
            text.append("; ").append(child.getMessage());
        }
        return text.toString();
    }
}
