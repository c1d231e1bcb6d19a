package org.asylumcasetracker.platform.persistence;

import jakarta.annotation.Priority;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;

/**
 * Puts {@link AcrossOrganizations} methods in the cross-organization scope. It runs before the transaction
 * interceptor, so a method that is also {@code @Transactional} opens its transaction in that scope.
 */
@AcrossOrganizations
@Interceptor
@Priority(Interceptor.Priority.PLATFORM_BEFORE + 100)
public class AcrossOrganizationsInterceptor {

    @AroundInvoke
    Object across(InvocationContext invocation) throws Exception {
        return OrganizationScope.around(OrganizationScope.Scope.ACROSS, invocation::proceed);
    }
}
