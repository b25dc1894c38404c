package io.crmkit.examples.desk;

import java.util.ArrayList;
import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Form login for the demo users of {@link DeskUsers}. Spring Security decides who is signed in;
 * what they may see is decided by CRMKit's permissions on the actor the starter resolves.
 */
@Configuration(proxyBeanMethods = false)
class DeskSecurity {
    @Bean
    SecurityFilterChain deskFilterChain(HttpSecurity http) throws Exception {
        http.authorizeHttpRequests(a -> a.requestMatchers("/login", "/error").permitAll().anyRequest().authenticated())
                .formLogin(f -> f.loginPage("/login").defaultSuccessUrl("/", true).permitAll())
                .logout(l -> l.logoutSuccessUrl("/login?logout").permitAll());
        return http.build();
    }

    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    @Bean
    UserDetailsService deskUserDetails(PasswordEncoder encoder) {
        List<UserDetails> users = new ArrayList<>();
        DeskUsers.ROLES.forEach((name, role) -> users.add(User.withUsername(name).password(encoder.encode(DeskUsers.PASSWORD))
                .roles(role).build()));
        return new InMemoryUserDetailsManager(users);
    }
}
