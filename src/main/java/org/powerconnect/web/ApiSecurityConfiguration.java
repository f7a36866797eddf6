package org.powerconnect.web;

import java.io.IOException;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;

/**
 * HTTP Basic for {@code /api}, checked against the users and groups of the process engine's identity service
 * (the {@link AuthenticationProvider} comes from the workflow module). The Camunda webapps keep their own
 * login, and {@code /engine-rest} its own HTTP Basic filter; neither is left open.
 */
@Configuration(proxyBeanMethods = false)
class ApiSecurityConfiguration {

    @Bean
    @Order(1)
    SecurityFilterChain apiSecurity(HttpSecurity http, AuthenticationProvider identityService, ObjectMapper json)
            throws Exception {
        return http
                .securityMatcher("/api/**")
                .authenticationProvider(identityService)
                .authorizeHttpRequests(requests -> requests
                        // the deadline calculator serves applicants too, and applicants follow their
                        // application with its access code instead of an account
                        .requestMatchers("/api/working-days/**", "/api/public/**").permitAll()
                        .anyRequest().authenticated())
                .httpBasic(basic -> basic.authenticationEntryPoint((request, response, e) -> {
                    response.setHeader("WWW-Authenticate", "Basic realm=\"PowerConnect\"");
                    write(response, json, HttpStatus.UNAUTHORIZED, "unauthorized", "Unauthorized",
                            "sign in with HTTP Basic: a user name and password of the identity service");
                }))
                .exceptionHandling(handling -> handling.accessDeniedHandler((request, response, e) ->
                        write(response, json, HttpStatus.FORBIDDEN, "forbidden", "Forbidden", e.getMessage())))
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                // stateless Basic authentication: no cookie, so no cross-site request to forge
                .csrf(csrf -> csrf.disable())
                .build();
    }

    /**
     * Camunda's REST API can change anything (users, groups, variables, timers), and the engine's
     * authorizations are not on yet: only administrators may use it. The engine's own filter then signs the
     * caller in to the engine.
     */
    @Bean
    @Order(2)
    SecurityFilterChain engineRestSecurity(HttpSecurity http, AuthenticationProvider identityService,
            ObjectMapper json) throws Exception {
        return http
                // Jersey serves this path, not Spring MVC: match the raw path, not an MVC handler pattern
                .securityMatcher(PathPatternRequestMatcher.withDefaults().matcher("/engine-rest/**"))
                .authenticationProvider(identityService)
                .authorizeHttpRequests(requests -> requests.anyRequest().hasAuthority(Staff.ADMIN_GROUP))
                .httpBasic(basic -> basic.authenticationEntryPoint((request, response, e) -> {
                    response.setHeader("WWW-Authenticate", "Basic realm=\"PowerConnect engine\"");
                    write(response, json, HttpStatus.UNAUTHORIZED, "unauthorized", "Unauthorized",
                            "sign in with HTTP Basic as a member of " + Staff.ADMIN_GROUP);
                }))
                .exceptionHandling(handling -> handling.accessDeniedHandler((request, response, e) ->
                        write(response, json, HttpStatus.FORBIDDEN, "forbidden", "Forbidden",
                                "the engine's REST API is for members of " + Staff.ADMIN_GROUP)))
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(csrf -> csrf.disable())
                .build();
    }

    /** The webapps and actuator bring their own authentication. */
    @Bean
    @Order(3)
    SecurityFilterChain otherSecurity(HttpSecurity http) throws Exception {
        return http
                .authorizeHttpRequests(requests -> requests.anyRequest().permitAll())
                // the Camunda webapps run their own CSRF prevention filter
                .csrf(csrf -> csrf.disable())
                .headers(headers -> headers.frameOptions(frame -> frame.sameOrigin()))
                .build();
    }

    /** A problem+json answer written by a filter, before any controller or exception handler runs. */
    static void write(HttpServletResponse response, ObjectMapper json, HttpStatus status, String type,
            String title, String detail) throws IOException {
        ProblemDetail body = ApiProblem.problem(status, type, title, detail);
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        json.writeValue(response.getOutputStream(), body);
    }
}
