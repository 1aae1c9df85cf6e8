package io.switchboard.designer.security;

import com.vaadin.flow.spring.security.VaadinSecurityConfigurer;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.security.authentication.AccountStatusUserDetailsChecker;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;

/**
 * Two doors. The REST API and provider webhooks are stateless: HTTP Basic for users, X-API-Key for
 * machine clients, refusals as JSON. The screens use a sign-in page and a session, and each view
 * names the roles that may open it.
 */
@Configuration
@EnableWebSecurity
@EnableMethodSecurity(jsr250Enabled = true)
public class SecurityConfiguration {

  @Bean
  PasswordEncoder passwordEncoder() {
    return PasswordEncoderFactories.createDelegatingPasswordEncoder();
  }

  /**
   * Users from the database, with an account's state (disabled) told only to someone who gave its
   * password: a wrong password reads the same for every name, so nobody learns which accounts exist.
   */
  @Bean
  DaoAuthenticationProvider authenticationProvider(UserAccounts users, PasswordEncoder passwords) {
    DaoAuthenticationProvider provider = new DaoAuthenticationProvider(users);
    provider.setPasswordEncoder(passwords);
    provider.setPreAuthenticationChecks(user -> { });
    provider.setPostAuthenticationChecks(new AccountStatusUserDetailsChecker());
    return provider;
  }

  @Bean
  @Order(1)
  SecurityFilterChain api(HttpSecurity http, ApiKeys apiKeys, ApiErrorWriter errors,
      @Value("${switchboard.voice.signing-secret:}") String signingSecret) throws Exception {
    http.securityMatcher("/api/**", "/hooks/**", "/error")
        .csrf(csrf -> csrf.disable())
        .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
        .httpBasic(basic -> basic.authenticationEntryPoint((request, response, e) ->
            errors.write(response, 401, "sign in with HTTP Basic or send an X-API-Key")))
        .exceptionHandling(e -> e
            .authenticationEntryPoint((request, response, ex) ->
                errors.write(response, 401, "sign in with HTTP Basic or send an X-API-Key"))
            .accessDeniedHandler((request, response, ex) ->
                errors.write(response, 403, "your role may not " + request.getMethod() + " " + request.getRequestURI())))
        .addFilterBefore(new ApiKeyAuthenticationFilter(apiKeys, errors), BasicAuthenticationFilter.class)
        .addFilterBefore(new VoiceSignatureFilter(signingSecret, errors), BasicAuthenticationFilter.class)
        .authorizeHttpRequests(auth -> auth
            .requestMatchers("/api/docs", "/api/docs/**", "/error").permitAll()
            .requestMatchers("/hooks/**").permitAll()
            .requestMatchers("/api/admin/**").hasRole(Role.ADMIN)
            // agents train with the scripts of published versions; the rest of /api/flows is for designers
            .requestMatchers(HttpMethod.GET, "/api/flows/*/versions/*/script", "/api/flows/*/versions/*/script.pdf")
                .hasAnyRole(Role.DESIGNER, Role.SUPERVISOR, Role.ADMIN, Role.AGENT)
            .requestMatchers("/api/flows/**", "/api/flows").hasAnyRole(Role.DESIGNER, Role.ADMIN)
            .requestMatchers("/api/data-steps/**", "/api/data-steps").hasAnyRole(Role.INTEGRATOR, Role.ADMIN)
            .requestMatchers(HttpMethod.GET, "/api/regions").hasAnyRole(Role.SUPERVISOR, Role.ADMIN, Role.DESIGNER)
            .requestMatchers("/api/regions", "/api/regions/**").hasAnyRole(Role.SUPERVISOR, Role.ADMIN)
            .requestMatchers("/api/routing/**", "/api/call-lists", "/api/call-lists/**")
                .hasAnyRole(Role.SUPERVISOR, Role.ADMIN)
            .requestMatchers(HttpMethod.GET, "/api/alerts", "/api/alerts/**")
                .hasAnyRole(Role.AGENT, Role.SUPERVISOR, Role.ADMIN)
            .requestMatchers(HttpMethod.GET, "/api/queues/*/staffing", "/api/queues/*/substitutes")
                .hasAnyRole(Role.SUPERVISOR, Role.ADMIN)
            .requestMatchers(HttpMethod.GET, "/api/queues", "/api/queues/**")
                .hasAnyRole(Role.AGENT, Role.SUPERVISOR, Role.ADMIN)
            .requestMatchers("/api/queues", "/api/queues/**").hasAnyRole(Role.SUPERVISOR, Role.ADMIN)
            // supervisors and admins may take interactions too
            .requestMatchers("/api/agents/me", "/api/agents/me/**", "/api/offers/**")
                .hasAnyRole(Role.AGENT, Role.SUPERVISOR, Role.ADMIN)
            .requestMatchers("/api/agents", "/api/agents/**").hasAnyRole(Role.SUPERVISOR, Role.ADMIN)
            .requestMatchers("/api/threads", "/api/threads/**").hasAnyRole(Role.AGENT, Role.SUPERVISOR, Role.ADMIN)
            .requestMatchers("/api/interactions", "/api/interactions/**")
                .hasAnyRole(Role.AGENT, Role.DESIGNER, Role.INTEGRATOR, Role.SUPERVISOR, Role.ADMIN)
            // self-service: published articles only, rate-limited per client address in the runtime
            .requestMatchers("/api/public/**").permitAll()
            .requestMatchers(HttpMethod.POST, "/api/knowledge/articles/*/feedback")
                .hasAnyRole(Role.AGENT, Role.SUPERVISOR, Role.ADMIN)
            .requestMatchers(HttpMethod.GET, "/api/knowledge/**")
                .hasAnyRole(Role.AGENT, Role.SUPERVISOR, Role.ADMIN, Role.DESIGNER)
            .requestMatchers("/api/knowledge/**").hasAnyRole(Role.SUPERVISOR, Role.ADMIN)
            .anyRequest().authenticated());
    return http.build();
  }

  /** A request the firewall refuses (an encoded dot segment, a stray character) gets 400 with a reason, not a redirect. */
  @Bean
  RequestRejectedHandler requestRejectedHandler(ApiErrorWriter errors) {
    return (request, response, e) -> errors.write(response, 400, "the request is not allowed: " + e.getMessage());
  }

  @Bean
  @Order(2)
  SecurityFilterChain screens(HttpSecurity http) throws Exception {
    // the screens' own stylesheets (@StyleSheet("styles/…")) and the icon the sign-in page shows too;
    // Vaadin's rules would refuse them with 403
    http.authorizeHttpRequests(auth -> auth.requestMatchers("/favicon.svg", "/favicon.ico", "/styles/*.css").permitAll());
    // any other path goes on to the router once signed in, so an unknown one gets the in-app "not found"
    // page (Vaadin's default refuses it with a bare 403); signed out, it leads to the sign-in page
    return http.with(VaadinSecurityConfigurer.vaadin(), configurer -> configurer.loginView(LoginView.class)
        .anyRequest(AuthorizeHttpRequestsConfigurer.AuthorizedUrl::authenticated)).build();
  }
}
