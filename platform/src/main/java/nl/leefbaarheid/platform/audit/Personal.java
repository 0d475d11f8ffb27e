package nl.leefbaarheid.platform.audit;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a field (or record component) that holds personal data: a name, an e-mail address, a phone number. The audit trail
 * keeps that such a field was set or changed, never its value ({@link AuditSnapshots}), so that erasing a person's data
 * from its record erases it from the trail too.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ ElementType.FIELD, ElementType.METHOD })
public @interface Personal {
}
