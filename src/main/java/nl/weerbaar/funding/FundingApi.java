package nl.weerbaar.funding;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.List;
import nl.weerbaar.system.AnswersProblem;
import nl.weerbaar.system.Items;
import nl.weerbaar.system.Versioned;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Budget lines, allocations, expenditures and national figures. Reports are in {@link FundingReportsApi}. */
@RestController
@RequestMapping("/api/v1/funding")
@Tag(name = "Funding", description = "Regional resilience budget: budget lines, allocation over the safety regions, spending")
class FundingApi {

    static final String TEXT_CSV = "text/csv";

    private final BudgetLines budgetLines;
    private final Allocations allocations;
    private final Expenditures expenditures;
    private final NationalFigures national;

    FundingApi(BudgetLines budgetLines, Allocations allocations, Expenditures expenditures, NationalFigures national) {
        this.budgetLines = budgetLines;
        this.allocations = allocations;
        this.expenditures = expenditures;
        this.national = national;
    }

    @GetMapping("/budget-lines")
    @Operation(operationId = "listBudgetLines", summary = "Budget lines of a year, or of all years")
    Items<BudgetLine> listBudgetLines(@RequestParam(required = false) Integer year) {
        return new Items<>(budgetLines.list(year));
    }

    @GetMapping("/budget-lines/{id}")
    @Operation(operationId = "getBudgetLine", summary = "One budget line, with its ETag")
    ResponseEntity<BudgetLine> getBudgetLine(@PathVariable long id) {
        BudgetLine line = budgetLines.get(id);
        return ResponseEntity.ok().eTag(Versioned.etag(line.version())).body(line);
    }

    @ResponseStatus(HttpStatus.CREATED)
    @PostMapping("/budget-lines")
    @Operation(operationId = "createBudgetLine", summary = "Enter a budget line (national admin)")
    ResponseEntity<BudgetLine> createBudgetLine(@RequestBody BudgetLines.BudgetLineInput input) {
        BudgetLine created = budgetLines.create(input);
        return ResponseEntity.created(URI.create("/api/v1/funding/budget-lines/" + created.id()))
                .eTag(Versioned.etag(created.version())).body(created);
    }

    @PutMapping("/budget-lines/{id}")
    @Operation(operationId = "updateBudgetLine", summary = "Change a budget line (national admin); needs If-Match")
    ResponseEntity<BudgetLine> updateBudgetLine(@PathVariable long id, @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch,
                                                @RequestBody BudgetLines.BudgetLineInput input) {
        BudgetLine updated = budgetLines.update(id, ifMatch, input);
        return ResponseEntity.ok().eTag(Versioned.etag(updated.version())).body(updated);
    }

    @ResponseStatus(HttpStatus.NO_CONTENT)
    @AnswersProblem(status = 409, when = "An allocation was computed from the budget line: change its amount or note instead")
    @DeleteMapping("/budget-lines/{id}")
    @Operation(operationId = "deleteBudgetLine",
            summary = "Delete a budget line no allocation was computed from (national admin); needs If-Match, 409 while in use")
    ResponseEntity<Void> deleteBudgetLine(@PathVariable long id,
                                          @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
        budgetLines.delete(id, ifMatch);
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/allocations")
    @Operation(operationId = "listAllocations", summary = "Allocations (drafts, adopted, superseded), newest first")
    Items<Allocation> listAllocations(@RequestParam(required = false) Integer year) {
        return new Items<>(allocations.list(year));
    }

    @ResponseStatus(HttpStatus.CREATED)
    @PostMapping("/allocations")
    @Operation(operationId = "computeAllocation", summary = "Compute a draft allocation with a formula (national admin)")
    ResponseEntity<Allocation> computeAllocation(@RequestBody Allocations.Formula formula) {
        Allocation draft = allocations.compute(formula);
        return ResponseEntity.created(URI.create("/api/v1/funding/allocations/" + draft.id())).body(draft);
    }

    @GetMapping("/allocations/{id}")
    @Operation(operationId = "getAllocation", summary = "An allocation with every region's share explained")
    Allocation getAllocation(@PathVariable long id) {
        return allocations.get(id);
    }

    @GetMapping("/allocations/comparison")
    @AnswersProblem(status = 404, when = "An allocation named is not found")
    @Operation(operationId = "compareAllocations", summary = "Two allocations side by side, region by region")
    Allocations.Comparison compareAllocations(@RequestParam long a, @RequestParam long b) {
        return allocations.compare(a, b);
    }

    @PostMapping("/allocations/{id}/adoption")
    @AnswersProblem(status = 409, when = "The allocation is not a draft")
    @Operation(operationId = "adoptAllocation", summary = "Adopt a draft: its shares become the regions' budgets (national admin)")
    Allocation adoptAllocation(@PathVariable long id) {
        return allocations.adopt(id);
    }

    @GetMapping("/expenditures")
    @Operation(operationId = "listExpenditures", summary = "Commitments and spending within the user's scope")
    Items<Expenditure> listExpenditures(@RequestParam(required = false) Integer year, @RequestParam(required = false) String region) {
        return new Items<>(expenditures.list(year, region));
    }

    @GetMapping("/expenditures/{id}")
    @Operation(operationId = "getExpenditure", summary = "One expenditure, with its ETag")
    ResponseEntity<Expenditure> getExpenditure(@PathVariable long id) {
        Expenditure expenditure = expenditures.get(id);
        return ResponseEntity.ok().eTag(Versioned.etag(expenditure.version())).body(expenditure);
    }

    @ResponseStatus(HttpStatus.CREATED)
    @PostMapping("/expenditures")
    @Operation(operationId = "createExpenditure", summary = "Book a commitment or spending (coordinator of the region or municipality)")
    ResponseEntity<Expenditure> createExpenditure(@RequestBody Expenditures.ExpenditureInput input) {
        Expenditure created = expenditures.create(input);
        return ResponseEntity.created(URI.create("/api/v1/funding/expenditures/" + created.id()))
                .eTag(Versioned.etag(created.version())).body(created);
    }

    @PutMapping("/expenditures/{id}")
    @Operation(operationId = "updateExpenditure", summary = "Change an expenditure, e.g. a commitment that was paid; needs If-Match")
    ResponseEntity<Expenditure> updateExpenditure(@PathVariable long id,
                                                  @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch,
                                                  @RequestBody Expenditures.ExpenditureInput input) {
        Expenditure updated = expenditures.update(id, ifMatch, input);
        return ResponseEntity.ok().eTag(Versioned.etag(updated.version())).body(updated);
    }

    @ResponseStatus(HttpStatus.CREATED)
    @PostMapping(value = "/expenditures/import", consumes = TEXT_CSV)
    @Operation(operationId = "importExpenditures", summary = "Import expenditures from CSV: all rows or none, every bad row reported")
    ResponseEntity<Expenditures.ImportResult> importExpenditures(@RequestBody String csv) {
        return ResponseEntity.status(201).body(expenditures.importCsv(csv));
    }

    @GetMapping("/gdp")
    @Operation(operationId = "listGdp", summary = "GDP per year, as entered")
    Items<NationalFigures.Gdp> listGdp() {
        return new Items<>(national.gdp());
    }

    @PutMapping("/gdp/{year}")
    @ApiResponse(responseCode = "200", description = "The GDP of the year, replaced")
    @ApiResponse(responseCode = "201", description = "The GDP of a year that had none, entered",
            content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE, schema = @Schema(implementation = NationalFigures.Gdp.class)))
    @Operation(operationId = "putGdp", summary = "Enter or replace the GDP of a year (national admin); replacing needs If-Match")
    ResponseEntity<NationalFigures.Gdp> putGdp(@PathVariable int year,
                                               @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch,
                                               @RequestBody NationalFigures.GdpInput input) {
        NationalFigures.GdpWrite written = national.putGdp(year, ifMatch, input);
        return ResponseEntity.status(written.created() ? 201 : 200).eTag(Versioned.etag(written.gdp().version())).body(written.gdp());
    }

    @GetMapping("/national-spending")
    @Operation(operationId = "listNationalSpending", summary = "National resilience spending outside the regional budgets")
    Items<NationalFigures.NationalSpending> listNationalSpending(@RequestParam(required = false) Integer year) {
        return new Items<>(national.nationalSpending(year));
    }

    @ResponseStatus(HttpStatus.CREATED)
    @PostMapping("/national-spending")
    @Operation(operationId = "createNationalSpending", summary = "Enter national resilience spending with its source (national admin)")
    ResponseEntity<NationalFigures.NationalSpending> createNationalSpending(@RequestBody NationalFigures.NationalSpendingInput input) {
        return ResponseEntity.status(201).body(national.addNationalSpending(input));
    }

    static MediaType csvType() {
        return new MediaType("text", "csv", java.nio.charset.StandardCharsets.UTF_8);
    }
}
