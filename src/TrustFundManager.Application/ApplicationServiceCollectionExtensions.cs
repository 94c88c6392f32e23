using FluentValidation;
using Microsoft.Extensions.DependencyInjection;
using TrustFundManager.Application.Workflows;

namespace TrustFundManager.Application;

public static class ApplicationServiceCollectionExtensions
{
    /// <summary>
    /// The use cases (every <c>*UseCases</c> class of this assembly, one per feature), the shared finders and the
    /// request validators. A host (the API, the web pages) adds these and calls the use cases with the signed-in
    /// caller.
    /// </summary>
    public static IServiceCollection AddTrustFundApplication(this IServiceCollection services)
    {
        services.AddScoped<WorkflowSubjects>();
        services.AddScoped<WorkflowActions>();
        services.AddSingleton<ConceptNotes.DraftCapGate>();
        foreach (var type in UseCaseTypes) services.AddScoped(type);
        services.AddValidatorsFromAssemblyContaining<WorkflowActions>(includeInternalTypes: true);
        Common.RequestValidation.UseJsonPropertyNames();
        return services;
    }

    /// <summary>Every use-case class: public, concrete and named <c>…UseCases</c>.</summary>
    public static IReadOnlyList<Type> UseCaseTypes { get; } = typeof(ApplicationServiceCollectionExtensions).Assembly
        .GetTypes()
        .Where(t => t is { IsClass: true, IsAbstract: false, IsPublic: true } && t.Name.EndsWith("UseCases", StringComparison.Ordinal))
        .OrderBy(t => t.FullName, StringComparer.Ordinal)
        .ToList();
}
