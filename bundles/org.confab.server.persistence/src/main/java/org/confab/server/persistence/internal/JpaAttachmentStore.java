package org.confab.server.persistence.internal;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import javax.persistence.EntityManager;
import javax.persistence.EntityManagerFactory;
import javax.persistence.TypedQuery;

import org.confab.server.api.AttachmentState;
import org.confab.server.spi.AttachmentStore;
import org.confab.server.spi.StoredAttachment;
import org.confab.server.spi.StoredGrant;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * {@link AttachmentStore} on the {@code confab} persistence unit. Writes a client is told about (an
 * upload begun or completed, a share, a state) are forced to disk on the embedded database; reads'
 * bookkeeping (last access, the message of a share) is not, it is only ever informative.
 */
@Component(service = AttachmentStore.class)
public class JpaAttachmentStore implements AttachmentStore {

    private static final List<String> OPEN_STATES = List.of(AttachmentState.OFFERED.name(), AttachmentState.ACCEPTED.name());

    private final Transactions transactions;

    @Activate
    public JpaAttachmentStore(@Reference(target = "(osgi.unit.name=confab)") EntityManagerFactory factory) {
        AttachmentSchema.ensure(factory);
        this.transactions = new Transactions(factory);
    }

    @Override
    public void create(StoredAttachment attachment) {
        transactions.inDurableTransaction("store an attachment", em -> {
            em.persist(new AttachmentEntity(attachment));
            return null;
        });
    }

    @Override
    public Optional<StoredAttachment> find(String id) {
        return transactions.inTransaction("read an attachment",
                em -> Optional.ofNullable(em.find(AttachmentEntity.class, id)).map(AttachmentEntity::toAttachment));
    }

    @Override
    public Optional<StoredAttachment> unfinished(String owner, String sha256, long size) {
        return transactions.inTransaction("look for an unfinished upload", em -> em
                .createQuery("SELECT a FROM AttachmentEntity a WHERE a.owner = :owner AND a.sha256 = :sha AND a.bytes = :length"
                        + " AND a.complete = FALSE ORDER BY a.created", AttachmentEntity.class)
                .setParameter("owner", owner).setParameter("sha", sha256).setParameter("length", size).setMaxResults(1)
                .getResultList().stream().findFirst().map(AttachmentEntity::toAttachment));
    }

    @Override
    public boolean hasComplete(String sha256, long size) {
        return transactions.inTransaction("look for stored content", em -> !em
                .createQuery("SELECT a.id FROM AttachmentEntity a WHERE a.sha256 = :sha AND a.bytes = :length"
                        + " AND a.complete = TRUE", String.class)
                .setParameter("sha", sha256).setParameter("length", size).setMaxResults(1).getResultList().isEmpty());
    }

    @Override
    public void complete(String id) {
        transactions.inDurableTransaction("complete an upload", em -> {
            AttachmentEntity entity = em.find(AttachmentEntity.class, id);
            if (entity != null) {
                entity.complete();
            }
            return null;
        });
    }

    @Override
    public void touch(String id, Instant at) {
        transactions.inTransaction("note an attachment's access", em -> {
            AttachmentEntity entity = em.find(AttachmentEntity.class, id);
            if (entity != null) {
                entity.touch(at);
            }
            return null;
        });
    }

    @Override
    public long bytesOwnedBy(String owner) {
        Long sum = transactions.inTransaction("sum a user's attachments", em -> em
                .createQuery("SELECT SUM(a.bytes) FROM AttachmentEntity a WHERE a.owner = :owner", Long.class)
                .setParameter("owner", owner).getSingleResult());
        return sum == null ? 0 : sum;
    }

    @Override
    public List<StoredAttachment> ownedBy(String owner) {
        return transactions.inTransaction("list a user's attachments", em -> em
                .createQuery("SELECT a FROM AttachmentEntity a WHERE a.owner = :owner ORDER BY a.created", AttachmentEntity.class)
                .setParameter("owner", owner).getResultList().stream().map(AttachmentEntity::toAttachment).toList());
    }

    @Override
    public List<StoredAttachment> page(Optional<String> owner, int offset, int limit) {
        return transactions.inTransaction("list attachments", em -> {
            TypedQuery<AttachmentEntity> query = em.createQuery("SELECT a FROM AttachmentEntity a"
                    + (owner.isPresent() ? " WHERE a.owner = :owner" : "") + " ORDER BY a.created DESC, a.id",
                    AttachmentEntity.class);
            owner.ifPresent(o -> query.setParameter("owner", o));
            return query.setFirstResult(offset).setMaxResults(limit).getResultList().stream()
                    .map(AttachmentEntity::toAttachment).toList();
        });
    }

    @Override
    public long count(Optional<String> owner) {
        return transactions.inTransaction("count attachments", em -> {
            TypedQuery<Long> query = em.createQuery("SELECT COUNT(a) FROM AttachmentEntity a"
                    + (owner.isPresent() ? " WHERE a.owner = :owner" : ""), Long.class);
            owner.ifPresent(o -> query.setParameter("owner", o));
            return query.getSingleResult();
        });
    }

    @Override
    public boolean delete(String id) {
        return transactions.inDurableTransaction("delete an attachment", em -> {
            em.createQuery("DELETE FROM GrantEntity g WHERE g.attachmentId = :id").setParameter("id", id).executeUpdate();
            return em.createQuery("DELETE FROM AttachmentEntity a WHERE a.id = :id").setParameter("id", id)
                    .executeUpdate() > 0;
        });
    }

    @Override
    public List<StoredAttachment> expired(Instant settledBefore, Instant createdBefore, int limit) {
        return transactions.inTransaction("find expired attachments", em -> em
                .createQuery("SELECT a FROM AttachmentEntity a WHERE a.created < :created"
                        + " OR (EXISTS (SELECT g.recipient FROM GrantEntity g WHERE g.attachmentId = a.id)"
                        + " AND NOT EXISTS (SELECT o.recipient FROM GrantEntity o WHERE o.attachmentId = a.id"
                        + " AND (o.state IN :open OR o.changed >= :settled))) ORDER BY a.created", AttachmentEntity.class)
                .setParameter("created", createdBefore.toEpochMilli()).setParameter("open", OPEN_STATES)
                .setParameter("settled", settledBefore.toEpochMilli()).setMaxResults(limit)
                .getResultList().stream().map(AttachmentEntity::toAttachment).toList());
    }

    @Override
    public boolean grant(String id, String recipient, Instant at) {
        return transactions.inDurableTransaction("share an attachment", em -> {
            if (em.find(GrantEntity.class, new GrantKey(id, recipient)) != null) {
                return false;
            }
            em.persist(new GrantEntity(id, recipient, at));
            return true;
        });
    }

    @Override
    public void linkMessage(String id, String recipient, long messageId) {
        transactions.inTransaction("note the message of a share", em -> {
            GrantEntity grant = em.find(GrantEntity.class, new GrantKey(id, recipient));
            if (grant != null && grant.messageId() == 0) {
                grant.linkMessage(messageId);
            }
            return null;
        });
    }

    @Override
    public Optional<StoredGrant> findGrant(String id, String recipient) {
        return transactions.inTransaction("read a share", em -> Optional
                .ofNullable(em.find(GrantEntity.class, new GrantKey(id, recipient))).map(GrantEntity::toGrant));
    }

    @Override
    public Optional<StoredGrant> setState(String id, String recipient, AttachmentState state, Instant at) {
        return transactions.inDurableTransaction("change a share's state", em -> {
            GrantEntity grant = em.find(GrantEntity.class, new GrantKey(id, recipient));
            if (grant == null) {
                return Optional.<StoredGrant>empty();
            }
            grant.moveTo(state, at);
            return Optional.of(grant.toGrant());
        });
    }

    @Override
    public List<StoredGrant> grantsTo(String recipient) {
        return grants("SELECT g FROM GrantEntity g WHERE g.recipient = :who ORDER BY g.offered, g.attachmentId", recipient);
    }

    @Override
    public List<StoredGrant> grantsOf(String id) {
        return grants("SELECT g FROM GrantEntity g WHERE g.attachmentId = :who ORDER BY g.offered, g.recipient", id);
    }

    @Override
    public List<StoredGrant> grantsFrom(String owner) {
        return grants("SELECT g FROM GrantEntity g, AttachmentEntity a WHERE a.id = g.attachmentId AND a.owner = :who"
                + " ORDER BY g.offered DESC, g.recipient", owner);
    }

    private List<StoredGrant> grants(String query, String who) {
        return transactions.inTransaction("read shares", (EntityManager em) -> em.createQuery(query, GrantEntity.class)
                .setParameter("who", who).getResultList().stream().map(GrantEntity::toGrant).toList());
    }
}
