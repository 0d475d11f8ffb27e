package nl.leefbaarheid.partner.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional.TxType;
import jakarta.transaction.Transactional;
import java.util.List;
import nl.leefbaarheid.partner.api.NewContact;
import nl.leefbaarheid.platform.paging.Page;
import nl.leefbaarheid.platform.paging.PageRequest;
import nl.leefbaarheid.platform.problem.ProblemException;
import nl.leefbaarheid.platform.security.Caller;

/**
 * Contacts of an organisation: personal data, so kept minimal (name, role, e-mail), shown to the organisation
 * itself and the admin only, and never put in a signal.
 */
@ApplicationScoped
@Transactional(TxType.SUPPORTS)
public class ContactService {

    @Inject
    EntityManager em;

    @Inject
    Caller caller;

    public Page<NewContact> list(String organisation, PageRequest page) {
        requireOwn(organisation);
        long total = ((Number) em.createNativeQuery("select count(*) from contact where organisation_id = :o").setParameter("o", organisation)
                .getSingleResult()).longValue();
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select name, role, email from contact where organisation_id = :o"
                        + " order by name, id limit :size offset :offset").setParameter("o", organisation).setParameter("size", page.size)
                .setParameter("offset", page.page * page.size).getResultList();
        return Page.of(rows.stream().map(r -> new NewContact((String) r[0], (String) r[1], (String) r[2])).toList(), total, page);
    }

    @Transactional(TxType.REQUIRED)
    public NewContact add(String organisation, NewContact contact) {
        requireOwn(organisation);
        em.createNativeQuery("insert into contact (organisation_id, name, role, email) values (:o, :n, :r, :e)")
                .setParameter("o", organisation).setParameter("n", contact.name().strip()).setParameter("r", contact.role())
                .setParameter("e", contact.email()).executeUpdate();
        return contact;
    }

    private void requireOwn(String organisation) {
        boolean own = caller.isAdmin() || caller.organisationId().map(organisation::equals).orElse(false);
        if (!own || em.createNativeQuery("select 1 from organisation where id = :o").setParameter("o", organisation).getResultList().isEmpty()) {
            throw ProblemException.notFound("organisation", organisation);
        }
    }
}
