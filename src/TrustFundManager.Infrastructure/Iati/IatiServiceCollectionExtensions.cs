using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace TrustFundManager.Infrastructure.Iati;

public static class IatiServiceCollectionExtensions
{
    /// <summary>
    /// The IATI export with its <c>Iati</c> settings. Results come from <see cref="NoIatiResults"/> unless another
    /// <see cref="IIatiResultsSource"/> was registered first (the results matrix, when it is wired to the export).
    /// </summary>
    public static IServiceCollection AddIatiExport(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton(configuration.GetSection(IatiOptions.SectionName).Get<IatiOptions>() ?? new IatiOptions());
        services.TryAddScoped<IIatiResultsSource, NoIatiResults>();
        services.AddScoped<IatiExport>();
        return services;
    }
}
