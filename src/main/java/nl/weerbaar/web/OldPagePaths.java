package nl.weerbaar.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The page paths from before every path a person sees became Dutch (December 2026), each sent on
 * to its new path: bookmarks, links in mails and the QR codes on printed posters keep working.
 * 308 Permanent Redirect, not 301: a form opened before the change is posted again to the new
 * path with its method and body. The query string goes along. Runs before the security filters,
 * so an old staff path is redirected first and asks for a login at its new path.
 *
 * <p>One table, old on the left, new on the right; the first rule that matches the whole path
 * wins, so a specific rule stands before the general one. {@code {name}} is one path segment,
 * {@code {*name}} the rest of the path, empty or starting with a slash. API paths never change,
 * so none are here.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 2)
class OldPagePaths extends OncePerRequestFilter {

    record Rename(String from, String to, Pattern pattern) {
        Rename(String from, String to) {
            this(from, to, Pattern.compile(from.replaceAll("\\{\\*(\\w+)}", "(?<$1>(?:/.*)?)").replaceAll("\\{(\\w+)}", "(?<$1>[^/]+)")));
        }

        Optional<String> apply(String path) {
            Matcher matcher = pattern.matcher(path);
            return matcher.matches() ? Optional.of(matcher.replaceFirst(to.replaceAll("\\{\\*?(\\w+)}", "\\${$1}"))) : Optional.empty();
        }
    }

    static final List<Rename> RENAMES = List.of(
            new Rename("/login", "/inloggen"),
            new Rename("/logout", "/uitloggen"),
            new Rename("/verify", "/controleren"),
            new Rename("/bulletins/{id}/poster.pdf", "/berichten/{id}/affiche.pdf"),
            new Rename("/bulletins{*rest}", "/berichten{rest}"),
            new Rename("/staff/planning/new", "/medewerkers/planning/nieuw"),
            new Rename("/staff/planning/compare", "/medewerkers/planning/vergelijken"),
            new Rename("/staff/planning/{id}/edit", "/medewerkers/planning/{id}/bewerken"),
            new Rename("/staff/planning/{id}/copy", "/medewerkers/planning/{id}/kopieren"),
            new Rename("/staff/planning/{id}/delete", "/medewerkers/planning/{id}/verwijderen"),
            new Rename("/staff/planning/{id}/runs", "/medewerkers/planning/{id}/doorrekeningen"),
            new Rename("/staff/planning/runs/{run}/what-if", "/medewerkers/planning/doorrekeningen/{run}/wat-als"),
            new Rename("/staff/planning/runs/{run}/cancel", "/medewerkers/planning/doorrekeningen/{run}/afbreken"),
            new Rename("/staff/planning/runs/{run}/result.csv", "/medewerkers/planning/doorrekeningen/{run}/resultaat.csv"),
            new Rename("/staff/planning/runs/{run}/result-nl.csv", "/medewerkers/planning/doorrekeningen/{run}/resultaat-nl.csv"),
            new Rename("/staff/planning/runs/{run}/points.csv", "/medewerkers/planning/doorrekeningen/{run}/steunpunten.csv"),
            new Rename("/staff/planning/runs/{run}/report.pdf", "/medewerkers/planning/doorrekeningen/{run}/rapport.pdf"),
            new Rename("/staff/planning/runs/{run}/routes/{routes}/sheets.pdf",
                    "/medewerkers/planning/doorrekeningen/{run}/routes/{routes}/routebladen.pdf"),
            new Rename("/staff/planning/runs{*rest}", "/medewerkers/planning/doorrekeningen{rest}"),
            new Rename("/staff/funding/budget-lines/{id}/deletion", "/medewerkers/financiering/begrotingsposten/{id}/verwijderen"),
            new Rename("/staff/funding/budget-lines{*rest}", "/medewerkers/financiering/begrotingsposten{rest}"),
            new Rename("/staff/funding/national/gdp", "/medewerkers/financiering/landelijk/bbp"),
            new Rename("/staff/funding/national/spending", "/medewerkers/financiering/landelijk/uitgaven"),
            new Rename("/staff/funding/national", "/medewerkers/financiering/landelijk"),
            new Rename("/staff/funding/allocations/{id}/adoption", "/medewerkers/financiering/verdeling/{id}/vaststellen"),
            new Rename("/staff/funding/allocations", "/medewerkers/financiering/verdeling"),
            new Rename("/staff/funding/expenditures", "/medewerkers/financiering/uitgaven"),
            new Rename("/staff/funding/report/pledge.csv", "/medewerkers/financiering/rapportage/navo-norm.csv"),
            new Rename("/staff/funding/report/regions-nl.csv", "/medewerkers/financiering/rapportage/regios-nl.csv"),
            new Rename("/staff/funding/report/regions.csv", "/medewerkers/financiering/rapportage/regios.csv"),
            new Rename("/staff/funding/report.pdf", "/medewerkers/financiering/rapportage.pdf"),
            new Rename("/staff/funding/report", "/medewerkers/financiering/rapportage"),
            new Rename("/staff/funding", "/medewerkers/financiering"),
            new Rename("/staff/bulletins/{id}/edit", "/medewerkers/berichten/{id}/bewerken"),
            new Rename("/staff/bulletins/{id}/follow-up", "/medewerkers/berichten/{id}/vervolg"),
            new Rename("/staff/bulletins/{id}/approval", "/medewerkers/berichten/{id}/goedkeuring"),
            new Rename("/staff/bulletins/{id}/publication", "/medewerkers/berichten/{id}/publicatie"),
            new Rename("/staff/bulletins{*rest}", "/medewerkers/berichten{rest}"),
            new Rename("/staff/claims", "/medewerkers/beweringen"),
            new Rename("/staff/feeds/{id}/end", "/medewerkers/feeds/{id}/beeindigen"),
            new Rename("/staff/voorraad/depots/{id}/events", "/medewerkers/voorraad/depots/{id}/boekingen"),
            // Paths that were Dutch already below /staff: support points, stock, users, system, kits, feeds.
            new Rename("/staff{*rest}", "/medewerkers{rest}"));

    /** The new path of an old one; empty for a path that is not old. */
    static Optional<String> renamed(String path) {
        return RENAMES.stream().map(rename -> rename.apply(path)).flatMap(Optional::stream).findFirst();
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return request.getRequestURI().startsWith("/api/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Optional<String> renamed = renamed(request.getRequestURI());
        if (renamed.isEmpty()) {
            chain.doFilter(request, response);
            return;
        }
        response.setStatus(HttpStatus.PERMANENT_REDIRECT.value());
        response.setHeader(HttpHeaders.LOCATION, renamed.get() + (request.getQueryString() == null ? "" : "?" + request.getQueryString()));
    }
}
