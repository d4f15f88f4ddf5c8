package org.confab.server.persistence.internal;

import java.time.Instant;
import java.util.Base64;
import java.util.Optional;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.GeneratedValue;
import javax.persistence.GenerationType;
import javax.persistence.Id;
import javax.persistence.NamedQueries;
import javax.persistence.NamedQuery;
import javax.persistence.Table;
import javax.persistence.TableGenerator;
import javax.persistence.UniqueConstraint;

import org.confab.server.api.Account;
import org.confab.server.spi.AccountUpdate;
import org.confab.server.spi.NewAccount;
import org.confab.server.spi.StoredCredentials;

/**
 * Table of accounts. Credentials are the SCRAM verifier only, base64 in text columns for portability.
 * A deleted account keeps its row (with erased credentials and {@code DELETED_AT} set) so that the
 * unique username stays taken: peers' histories name it, and nobody may inherit them.
 */
@Entity
@Table(name = "CONFAB_ACCOUNT", uniqueConstraints = @UniqueConstraint(name = "UQ_ACCOUNT_USERNAME", columnNames = "USERNAME"))
@NamedQueries({
        @NamedQuery(name = "Account.byUsername",
                query = "SELECT a FROM AccountEntity a WHERE a.username = :username AND a.deletedAt IS NULL"),
        @NamedQuery(name = "Account.usernameUsed", query = "SELECT COUNT(a) FROM AccountEntity a WHERE a.username = :username"),
        @NamedQuery(name = "Account.list", query = "SELECT a FROM AccountEntity a WHERE a.deletedAt IS NULL ORDER BY a.username"),
        @NamedQuery(name = "Account.count", query = "SELECT COUNT(a) FROM AccountEntity a WHERE a.deletedAt IS NULL"),
        @NamedQuery(name = "Account.admins",
                query = "SELECT COUNT(a) FROM AccountEntity a WHERE a.admin = TRUE AND a.deletedAt IS NULL"),
        @NamedQuery(name = "Account.adminEntities",
                query = "SELECT a FROM AccountEntity a WHERE a.admin = TRUE AND a.deletedAt IS NULL ORDER BY a.id"),
        @NamedQuery(name = "Account.countMatching", query = "SELECT COUNT(a) FROM AccountEntity a WHERE a.deletedAt IS NULL"
                + " AND (a.username LIKE :pattern ESCAPE '!' OR LOWER(a.displayName) LIKE :pattern ESCAPE '!')") })
public class AccountEntity {
    /** Accounts matching {@code :pattern}, without an order: the store appends one of its fixed clauses. */
    static final String SEARCH = "SELECT a FROM AccountEntity a WHERE a.deletedAt IS NULL"
            + " AND (a.username LIKE :pattern ESCAPE '!' OR LOWER(a.displayName) LIKE :pattern ESCAPE '!')";

    @Id
    @GeneratedValue(strategy = GenerationType.TABLE, generator = "accountIds")
    @TableGenerator(name = "accountIds", table = "CONFAB_SEQUENCE", pkColumnName = "NAME", valueColumnName = "NEXT_VALUE",
            pkColumnValue = "ACCOUNT", allocationSize = 20)
    @Column(name = "ID")
    private long id;

    @Column(name = "USERNAME", length = 32, nullable = false)
    private String username;

    @Column(name = "DISPLAY_NAME", length = 64, nullable = false)
    private String displayName;

    @Column(name = "IS_ADMIN", nullable = false)
    private boolean admin;

    @Column(name = "IS_LOCKED", nullable = false)
    private boolean locked;

    @Column(name = "CREATED_AT", nullable = false)
    private long createdAt;

    @Column(name = "SCRAM_SALT", length = 64, nullable = false)
    private String salt;

    @Column(name = "SCRAM_ITERATIONS", nullable = false)
    private int iterations;

    @Column(name = "SCRAM_STORED_KEY", length = 64, nullable = false)
    private String storedKey;

    @Column(name = "SCRAM_SERVER_KEY", length = 64, nullable = false)
    private String serverKey;

    /** Millis since the epoch; null when never banned. Nullable so the column can be added to old tables. */
    @Column(name = "BANNED_UNTIL")
    private Long bannedUntil;

    /** Millis since the epoch when the account was deleted; null while it exists. */
    @Column(name = "DELETED_AT")
    private Long deletedAt;

    protected AccountEntity() {
        // for JPA
    }

    AccountEntity(NewAccount account, Instant now) {
        this.username = account.username();
        this.displayName = account.displayName();
        this.admin = account.admin();
        this.createdAt = now.toEpochMilli();
        setCredentials(account.credentials());
    }

    private void setCredentials(StoredCredentials credentials) {
        this.salt = encode(credentials.salt());
        this.iterations = credentials.iterations();
        this.storedKey = encode(credentials.storedKey());
        this.serverKey = encode(credentials.serverKey());
    }

    Account toAccount() {
        return new Account(id, username, displayName, admin, locked, Instant.ofEpochMilli(createdAt),
                Optional.ofNullable(bannedUntil).map(Instant::ofEpochMilli));
    }

    void apply(AccountUpdate update) {
        update.displayName().ifPresent(name -> displayName = name);
        update.credentials().ifPresent(this::setCredentials);
        update.admin().ifPresent(value -> admin = value);
        update.locked().ifPresent(value -> locked = value);
        update.bannedUntil().ifPresent(until -> bannedUntil = until.toEpochMilli());
        if (update.liftBan()) {
            bannedUntil = null;
        }
    }

    /** Marks the account deleted and erases what it no longer needs: it can never log in again. */
    void markDeleted(Instant now) {
        deletedAt = now.toEpochMilli();
        locked = true;
        salt = "";
        storedKey = "";
        serverKey = "";
    }

    StoredCredentials toCredentials() {
        Base64.Decoder decoder = Base64.getDecoder();
        return new StoredCredentials(decoder.decode(salt), iterations, decoder.decode(storedKey),
                decoder.decode(serverKey));
    }

    private static String encode(byte[] bytes) {
        return Base64.getEncoder().encodeToString(bytes);
    }
}
