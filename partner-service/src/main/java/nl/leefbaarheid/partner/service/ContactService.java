package nl.leefbaarheid.partner.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional.TxType;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.List;
import nl.leefbaarheid.partner.api.ContactChange;
import nl.leefbaarheid.partner.api.ContactView;
import nl.leefbaarheid.partner.api.ErasedContacts;
import nl.leefbaarheid.partner.api.NewContact;
import nl.leefbaarheid.platform.audit.Audit;
import nl.leefbaarheid.platform.audit.AuditEntry;
import nl.leefbaarheid.platform.paging.Page;
import nl.leefbaarheid.platform.paging.PageRequest;
import nl.leefbaarheid.platform.problem.ProblemException;
import nl.leefbaarheid.platform.security.Caller;

/**
 * Contacts of an organisation: personal data, so kept minimal (name, role, e-mail), shown to the organisation itself and
 * the admin only, never put in a signal, corrected and erased on request. Their audit trail keeps that a name or e-mail
 * address was set or changed, never its value ({@code @Personal}), so an erased contact leaves no personal data behind:
 * the contact table is the only place it is stored.
 */
@ApplicationScoped
@Transactional(TxType.SUPPORTS)
public class ContactService {

    static final String KIND = "contact";

    @Inject
    EntityManager em;

    @Inject
    Caller caller;

    @Inject
    Audit audit;

    public Page<ContactView> list(String organisation, PageRequest page) {
        requireOwn(organisation);
        long total = ((Number) em.createNativeQuery("select count(*) from contact where organisation_id = :o").setParameter("o", organisation)
                .getSingleResult()).longValue();
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select id, name, role, email, version from contact where organisation_id = :o"
                        + " order by name, id limit :size offset :offset").setParameter("o", organisation).setParameter("size", page.size)
                .setParameter("offset", page.page * page.size).getResultList();
        return Page.of(rows.stream().map(ContactService::view).toList(), total, page);
    }

    @Transactional(TxType.REQUIRED)
    public ContactView add(String organisation, NewContact contact) {
        requireOwn(organisation);
        Number id = (Number) em.createNativeQuery("insert into contact (organisation_id, name, role, email) values (:o, :n, :r, :e) returning id")
                .setParameter("o", organisation).setParameter("n", contact.name().strip()).setParameter("r", contact.role())
                .setParameter("e", contact.email()).getSingleResult();
        ContactView created = find(organisation, id.longValue(), false);
        audit.record(KIND, recordId(organisation, created.id()), "created", null, created, null);
        return created;
    }

    public ContactView get(String organisation, long id) {
        requireOwn(organisation);
        return find(organisation, id, false);
    }

    /** A correction by the organisation itself or the admin, for the version read. */
    @Transactional(TxType.REQUIRED)
    public ContactView update(String organisation, long id, String ifMatch, ContactChange change) {
        requireOwn(organisation);
        ContactView before = find(organisation, id, true);
        Versions.require(ifMatch, before.version(), "contact");
        em.createNativeQuery("""
                update contact set name = coalesce(:n, name), role = coalesce(:r, role), email = coalesce(:e, email), version = version + 1
                 where id = :id""").setParameter("n", change.name() == null ? null : change.name().strip()).setParameter("r", change.role())
                .setParameter("e", change.email()).setParameter("id", id).executeUpdate();
        ContactView after = find(organisation, id, false);
        audit.record(KIND, recordId(organisation, id), "updated", before, after, null);
        return after;
    }

    /** Erases a contact person: the row goes; the trail keeps only that it existed and was erased. */
    @Transactional(TxType.REQUIRED)
    public void erase(String organisation, long id, String reason) {
        requireOwn(organisation);
        ContactView before = find(organisation, id, true);
        em.createNativeQuery("delete from contact where id = :id").setParameter("id", id).executeUpdate();
        audit.record(KIND, recordId(organisation, id), "erased", before, null, reason);
    }

    /** Erases every contact person of the organisation in one call (a request to erase its personal data). */
    @Transactional(TxType.REQUIRED)
    public ErasedContacts eraseAll(String organisation, String reason) {
        requireOwn(organisation);
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("delete from contact where organisation_id = :o returning id, name, role, email, version")
                .setParameter("o", organisation).getResultList();
        List<Audit.Change> changes = new ArrayList<>();
        for (Object[] row : rows) {
            ContactView before = view(row);
            changes.add(new Audit.Change(KIND, recordId(organisation, before.id()), "erased", before, null, reason));
        }
        audit.recordAll(changes);
        return new ErasedContacts(rows.size());
    }

    public Page<AuditEntry> history(String organisation, long id, PageRequest page) {
        requireOwn(organisation);
        return audit.history(KIND, recordId(organisation, id), page);
    }

    private ContactView find(String organisation, long id, boolean forUpdate) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select id, name, role, email, version from contact where id = :id and organisation_id = :o"
                + (forUpdate ? " for update" : "")).setParameter("id", id).setParameter("o", organisation).getResultList();
        if (rows.isEmpty()) {
            throw ProblemException.notFound("contact", id);
        }
        return view(rows.get(0));
    }

    private static ContactView view(Object[] r) {
        return new ContactView(((Number) r[0]).longValue(), (String) r[1], (String) r[2], (String) r[3], ((Number) r[4]).longValue());
    }

    private static String recordId(String organisation, long id) {
        return organisation + "/" + id;
    }

    private void requireOwn(String organisation) {
        boolean own = caller.isAdmin() || caller.organisationId().map(organisation::equals).orElse(false);
        if (!own || em.createNativeQuery("select 1 from organisation where id = :o").setParameter("o", organisation).getResultList().isEmpty()) {
            throw ProblemException.notFound("organisation", organisation);
        }
    }
}
