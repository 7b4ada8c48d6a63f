package nl.weerbaar.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import nl.weerbaar.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.util.ServletRequestPathUtils;

/** Every page path from before the Dutch names answers 308 with its new path, and that path is a page. */
@IntegrationTest
class OldPagePathsTest {

    /** One old path per rule of the table, as a browser would ask for it, and where it must lead. */
    private record Example(String method, String old, String renamed) {}

    private static final List<Example> EXAMPLES = List.of(
            new Example("GET", "/login?error", "/inloggen?error"),
            new Example("POST", "/logout", "/uitloggen"),
            new Example("GET", "/verify?b=abc.def", "/controleren?b=abc.def"),
            new Example("GET", "/bulletins/7f0c5d0e-1c1a-4c3e-9a53-1d1b1d1b1d1b/poster.pdf",
                    "/berichten/7f0c5d0e-1c1a-4c3e-9a53-1d1b1d1b1d1b/affiche.pdf"),
            new Example("GET", "/bulletins", "/berichten"),
            new Example("GET", "/staff/planning/new", "/medewerkers/planning/nieuw"),
            new Example("GET", "/staff/planning/compare?runs=1&runs=2", "/medewerkers/planning/vergelijken?runs=1&runs=2"),
            new Example("POST", "/staff/planning/3/edit", "/medewerkers/planning/3/bewerken"),
            new Example("POST", "/staff/planning/3/copy", "/medewerkers/planning/3/kopieren"),
            new Example("POST", "/staff/planning/3/delete", "/medewerkers/planning/3/verwijderen"),
            new Example("POST", "/staff/planning/3/runs", "/medewerkers/planning/3/doorrekeningen"),
            new Example("POST", "/staff/planning/runs/4/what-if", "/medewerkers/planning/doorrekeningen/4/wat-als"),
            new Example("POST", "/staff/planning/runs/4/cancel", "/medewerkers/planning/doorrekeningen/4/afbreken"),
            new Example("GET", "/staff/planning/runs/4/result.csv", "/medewerkers/planning/doorrekeningen/4/resultaat.csv"),
            new Example("GET", "/staff/planning/runs/4/result-nl.csv", "/medewerkers/planning/doorrekeningen/4/resultaat-nl.csv"),
            new Example("GET", "/staff/planning/runs/4/points.csv", "/medewerkers/planning/doorrekeningen/4/steunpunten.csv"),
            new Example("GET", "/staff/planning/runs/4/report.pdf", "/medewerkers/planning/doorrekeningen/4/rapport.pdf"),
            new Example("GET", "/staff/planning/runs/4/routes/5/sheets.pdf", "/medewerkers/planning/doorrekeningen/4/routes/5/routebladen.pdf"),
            new Example("GET", "/staff/planning/runs/4/routes/5", "/medewerkers/planning/doorrekeningen/4/routes/5"),
            new Example("POST", "/staff/funding/budget-lines/6/deletion", "/medewerkers/financiering/begrotingsposten/6/verwijderen"),
            new Example("GET", "/staff/funding/budget-lines/6", "/medewerkers/financiering/begrotingsposten/6"),
            new Example("POST", "/staff/funding/national/gdp", "/medewerkers/financiering/landelijk/bbp"),
            new Example("POST", "/staff/funding/national/spending", "/medewerkers/financiering/landelijk/uitgaven"),
            new Example("GET", "/staff/funding/national?year=2026", "/medewerkers/financiering/landelijk?year=2026"),
            new Example("POST", "/staff/funding/allocations/8/adoption", "/medewerkers/financiering/verdeling/8/vaststellen"),
            new Example("GET", "/staff/funding/allocations", "/medewerkers/financiering/verdeling"),
            new Example("POST", "/staff/funding/expenditures", "/medewerkers/financiering/uitgaven"),
            new Example("GET", "/staff/funding/report/pledge.csv", "/medewerkers/financiering/rapportage/navo-norm.csv"),
            new Example("GET", "/staff/funding/report/regions-nl.csv?year=2026", "/medewerkers/financiering/rapportage/regios-nl.csv?year=2026"),
            new Example("GET", "/staff/funding/report/regions.csv", "/medewerkers/financiering/rapportage/regios.csv"),
            new Example("GET", "/staff/funding/report.pdf", "/medewerkers/financiering/rapportage.pdf"),
            new Example("GET", "/staff/funding/report", "/medewerkers/financiering/rapportage"),
            new Example("GET", "/staff/funding", "/medewerkers/financiering"),
            new Example("GET", "/staff/bulletins/9/edit", "/medewerkers/berichten/9/bewerken"),
            new Example("GET", "/staff/bulletins/9/follow-up?kind=update", "/medewerkers/berichten/9/vervolg?kind=update"),
            new Example("POST", "/staff/bulletins/9/approval", "/medewerkers/berichten/9/goedkeuring"),
            new Example("POST", "/staff/bulletins/9/publication", "/medewerkers/berichten/9/publicatie"),
            new Example("POST", "/staff/bulletins", "/medewerkers/berichten"),
            new Example("GET", "/staff/claims?area=GM0599", "/medewerkers/beweringen?area=GM0599"),
            new Example("POST", "/staff/feeds/10/end", "/medewerkers/feeds/10/beeindigen"),
            new Example("POST", "/staff/voorraad/depots/11/events", "/medewerkers/voorraad/depots/11/boekingen"),
            new Example("GET", "/staff", "/medewerkers"),
            new Example("GET", "/staff/steunpunten/beheer", "/medewerkers/steunpunten/beheer"),
            new Example("POST", "/staff/gebruikers/ann/uitschakelen", "/medewerkers/gebruikers/ann/uitschakelen"));

    @LocalServerPort
    int port;
    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping pages;

    @Test
    void everyOldPathAnswers308WithItsNewPathAndKeepsItsMethodAndQuery() throws Exception {
        HttpClient client = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
        for (Example example : EXAMPLES) {
            HttpResponse<Void> response = client.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + example.old()))
                    .method(example.method(), HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.discarding());
            assertThat(response.statusCode()).as(example.method() + " " + example.old()).isEqualTo(308);
            assertThat(response.headers().firstValue("Location")).as(example.old()).hasValue(example.renamed());
        }
    }

    @Test
    void everyNewPathIsAPageThatAnswersTheOldMethod() throws Exception {
        for (Example example : EXAMPLES) {
            String path = example.renamed().replaceFirst("\\?.*", "");
            if (path.equals("/uitloggen")) {
                continue; // Spring Security's logout filter answers it, not a controller
            }
            MockHttpServletRequest request = new MockHttpServletRequest(example.method(), path);
            ServletRequestPathUtils.parseAndCache(request);
            assertThat(pages.getHandler(request)).as(example.method() + " " + path).isNotNull();
        }
    }

    @Test
    void everyRuleIsShownByAnExampleAndNoNewPathIsRenamedAgain() {
        Set<OldPagePaths.Rename> used = new HashSet<>();
        for (Example example : EXAMPLES) {
            String path = example.old().replaceFirst("\\?.*", "");
            OldPagePaths.RENAMES.stream().filter(rename -> rename.apply(path).isPresent()).findFirst().ifPresent(used::add);
            assertThat(OldPagePaths.renamed(example.renamed().replaceFirst("\\?.*", ""))).as(example.renamed()).isEmpty();
        }
        assertThat(OldPagePaths.RENAMES).allSatisfy(rename -> assertThat(used).as(rename.from()).contains(rename));
        assertThat(OldPagePaths.renamed("/api/v1/bulletins")).as("API paths never change").isEmpty();
        assertThat(OldPagePaths.renamed("/bulletins.atom")).isEmpty();
    }
}
