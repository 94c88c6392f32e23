using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace TrustFundManager.Infrastructure.Reports;

/// <summary>The reports the application writes, each with the datasets its layout may show.</summary>
public static class ReportDefinitions
{
    public static readonly IReadOnlyDictionary<string, IReadOnlyList<IReportDataset>> Datasets =
        new Dictionary<string, IReadOnlyList<IReportDataset>>(StringComparer.Ordinal)
        {
            [FundingStatusReport.Name] = FundingStatusReport.Datasets,
            [PipelineReport.Name] = PipelineReport.Datasets,
            [PortfolioReport.Name] = PortfolioReport.Datasets,
            [ResultsMatrixReport.Name] = ResultsMatrixReport.Datasets,
        };

    /// <summary>
    /// The layouts (read and validated when first resolved; start-up resolves them, so an invalid layout stops the
    /// application) and the workbooks.
    /// </summary>
    public static IServiceCollection AddTrustFundReports(this IServiceCollection services, IConfiguration configuration)
    {
        var options = configuration.GetSection(ReportOptions.SectionName).Get<ReportOptions>() ?? new ReportOptions();
        services.AddSingleton(options);
        services.AddSingleton(_ => ReportLayoutCatalog.Load(options.Directory));
        services.AddScoped<FundingStatusReport>();
        services.AddScoped<PipelineReport>();
        services.AddScoped<PortfolioReport>();
        services.AddScoped<ResultsMatrixReport>();
        return services;
    }
}
