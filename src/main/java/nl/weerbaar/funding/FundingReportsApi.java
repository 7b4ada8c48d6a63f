package nl.weerbaar.funding;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.math.BigDecimal;
import java.util.Locale;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The funding reports as JSON, or as CSV with {@code Accept: text/csv} or a {@code .csv} path. */
@RestController
@RequestMapping("/api/v1/funding/reports")
@Tag(name = "Funding", description = "Regional resilience budget: budget lines, allocation over the safety regions, spending")
class FundingReportsApi {

    private final FundingReports reports;
    private final ReportPdf pdf;

    FundingReportsApi(FundingReports reports, ReportPdf pdf) {
        this.reports = reports;
        this.pdf = pdf;
    }

    @GetMapping("/regions")
    @Operation(operationId = "reportRegions", summary = "Per region: budget, committed, spent, remaining (own region, or all nationally)")
    FundingReports.RegionReport regions(@RequestParam int year) {
        return reports.regions(year);
    }

    @GetMapping(value = "/regions", produces = FundingApi.TEXT_CSV)
    @Operation(operationId = "reportRegionsCsv", summary = "The region report as CSV")
    ResponseEntity<String> regionsCsv(@RequestParam int year) {
        return csv(FundingCsv.regions(reports.regions(year)), "financiering-regios-" + year + ".csv");
    }

    @GetMapping(value = "/regions.csv", produces = FundingApi.TEXT_CSV)
    @Operation(operationId = "regionsCsvFile", summary = "The region report as CSV, by its own URL")
    ResponseEntity<String> regionsCsvPath(@RequestParam int year) {
        return regionsCsv(year);
    }

    @GetMapping("/nato-categories")
    @Operation(operationId = "reportNatoCategories", summary = "Per NATO resilience category: committed and spent")
    FundingReports.CategoryReport natoCategories(@RequestParam int year) {
        return reports.natoCategories(year);
    }

    @GetMapping(value = "/nato-categories", produces = FundingApi.TEXT_CSV)
    @Operation(operationId = "reportNatoCategoriesCsv", summary = "The NATO category report as CSV")
    ResponseEntity<String> natoCategoriesCsv(@RequestParam int year) {
        return csv(FundingCsv.categories(reports.natoCategories(year)), "financiering-navo-categorieen-" + year + ".csv");
    }

    @GetMapping(value = "/nato-categories.csv", produces = FundingApi.TEXT_CSV)
    @Operation(operationId = "natoCategoriesCsvFile", summary = "The NATO category report as CSV, by its own URL")
    ResponseEntity<String> natoCategoriesCsvPath(@RequestParam int year) {
        return natoCategoriesCsv(year);
    }

    @GetMapping("/pledge")
    @Operation(operationId = "reportPledge", summary = "The Dutch resilience total against 1.5 % of GDP, each year to 2035")
    FundingReports.PledgeReport pledge(@RequestParam(required = false) BigDecimal assumedGrowthPercent) {
        return reports.pledge(assumedGrowthPercent);
    }

    @GetMapping(value = "/pledge", produces = FundingApi.TEXT_CSV)
    @Operation(operationId = "reportPledgeCsv", summary = "The pledge report as CSV")
    ResponseEntity<String> pledgeCsv(@RequestParam(required = false) BigDecimal assumedGrowthPercent) {
        return csv(FundingCsv.pledge(reports.pledge(assumedGrowthPercent)), "navo-norm.csv");
    }

    @GetMapping(value = "/pledge.csv", produces = FundingApi.TEXT_CSV)
    @Operation(operationId = "pledgeCsvFile", summary = "The pledge report as CSV, by its own URL")
    ResponseEntity<String> pledgeCsvPath(@RequestParam(required = false) BigDecimal assumedGrowthPercent) {
        return pledgeCsv(assumedGrowthPercent);
    }

    @GetMapping(value = "/national.pdf", produces = "application/pdf")
    @Operation(operationId = "reportNationalPdf", summary = "The national report as PDF: pledge path, regions and NATO categories of a year")
    ResponseEntity<byte[]> nationalPdf(@RequestParam int year, @RequestParam(required = false) BigDecimal assumedGrowthPercent,
                                       Locale locale) {
        return pdf(reports, pdf, year, assumedGrowthPercent, locale);
    }

    /** The national report as a PDF download; shared with the staff page. */
    static ResponseEntity<byte[]> pdf(FundingReports reports, ReportPdf pdf, int year, BigDecimal assumedGrowthPercent, Locale locale) {
        byte[] document = pdf.render(reports.pledge(assumedGrowthPercent), reports.regions(year), reports.natoCategories(year), locale);
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                .header("Content-Disposition", "attachment; filename=\"financiering-rapportage-" + year + ".pdf\"")
                .body(document);
    }

    private static ResponseEntity<String> csv(String body, String filename) {
        return ResponseEntity.ok()
                .contentType(FundingApi.csvType())
                .header("Content-Disposition", "attachment; filename=\"" + filename + "\"")
                .body(body);
    }
}
