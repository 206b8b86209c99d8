package dev.openhands.jiradc.accounts.boundary;

import jakarta.ws.rs.NameBinding;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Only for a member of the admin group who signed in recently enough: 401 for anyone not signed in or signed in too
 * long ago, 403 for a signed-in person who is not an admin, before the method runs ({@link AccessFilters.Admins}).
 */
@NameBinding
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface AdminOnly {
}
