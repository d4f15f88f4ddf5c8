package org.confab.server.router.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** Configuration PID {@code org.confab.server.limits}: how much abuse the server tolerates. */
@ObjectClassDefinition(name = "Confab abuse limits")
@interface LimitsConfig {

    @AttributeDefinition(description = "Failed logins for one account within the window before it is locked out")
    int loginFailuresPerAccount() default 5;

    @AttributeDefinition(description = "Failed logins from one IP address within the window before it is locked out")
    int loginFailuresPerAddress() default 20;

    @AttributeDefinition(description = "Window in which failed logins are counted, in seconds")
    int loginFailureWindowSeconds() default 600;

    @AttributeDefinition(description = "How long a locked-out account or address is refused, in seconds")
    int loginLockoutSeconds() default 300;

    @AttributeDefinition(description = "Registration attempts from one IP address per registration window")
    int registrationsPerAddress() default 5;

    @AttributeDefinition(description = "Registration window in seconds")
    int registrationWindowSeconds() default 3600;

    @AttributeDefinition(description = "Successful logins (reconnects included) of one account per minute, sustained; more are refused with RATE_LIMITED")
    int loginsPerAccountPerMinute() default 120;

    @AttributeDefinition(description = "Successful logins of one account in a burst above the sustained rate")
    int loginBurstPerAccount() default 60;

    @AttributeDefinition(description = "Milliseconds over which presence changes are gathered before they are pushed; a user who logs in and out within it costs no push at all")
    int presenceIntervalMillis() default 500;

    @AttributeDefinition(description = "Searches (chat.search) one user may start per minute, also the burst; a user runs one search at a time")
    int searchesPerMinute() default 30;

    @AttributeDefinition(description = "Searches the whole server runs at once (each holds a pooled database connection); more are refused with RATE_LIMITED")
    int concurrentSearches() default 4;

    @AttributeDefinition(description = "Chat-class requests a session may make per second, sustained")
    int requestsPerSecond() default 20;

    @AttributeDefinition(description = "Chat-class requests a session may make in a burst above the sustained rate")
    int requestBurst() default 100;

    @AttributeDefinition(description = "Bulk-class requests (such as file chunks) a session may make per second, sustained")
    int bulkRequestsPerSecond() default 400;

    @AttributeDefinition(description = "Bulk-class requests a session may make in a burst above the sustained rate")
    int bulkRequestBurst() default 800;

    @AttributeDefinition(description = "Administrative requests a session may make per second, sustained")
    int adminRequestsPerSecond() default 20;

    @AttributeDefinition(description = "Administrative requests a session may make in a burst above the sustained rate")
    int adminRequestBurst() default 100;

    @AttributeDefinition(description = "IP addresses exempt from the per-address limits (a trusted gateway, monitoring)")
    String[] exemptAddresses() default {};

    @AttributeDefinition(name = "IPv6 prefix length", description = "Leading bits of an IPv6 address that the per-address limits count as one address (one host usually holds a whole /64)")
    int ipv6PrefixLength() default 64;

    @AttributeDefinition(description = "Most accounts and addresses whose failures are remembered at once")
    int trackedKeys() default 100_000;
}
