package dev.openhands.jiradc.audit.boundary;

import dev.openhands.jiradc.audit.control.RequestAddress;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.annotation.WebFilter;
import java.io.IOException;

/** Lets the records made while serving a request name its client's address ({@link RequestAddress}). */
@WebFilter(urlPatterns = "/*", asyncSupported = true)
public class AuditSourceFilter implements Filter {

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        RequestAddress.set(request.getRemoteAddr());
        try {
            chain.doFilter(request, response);
        } finally {
            RequestAddress.clear();
        }
    }
}
