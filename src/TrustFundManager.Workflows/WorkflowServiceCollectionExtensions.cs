using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using TrustFundManager.Workflows.Definitions;

namespace TrustFundManager.Workflows;

public sealed class WorkflowOptions
{
    public const string SectionName = "Workflows";

    /// <summary>Where the definition files are; by default the <c>workflows</c> folder beside the application.</summary>
    public string Directory { get; set; } = Path.Combine(AppContext.BaseDirectory, "workflows");

    /// <summary>How often the timer service looks for due timers.</summary>
    public TimeSpan TimerPollInterval { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Off, this instance of the application fires no timers (another one does).</summary>
    public bool RunTimers { get; set; } = true;
}

internal enum WorkflowExtensionKind
{
    Guard,
    Effect,
    Deadline,
    Assignees,
}

/// <summary>A guard, effect, deadline or assignees name the definitions may use, registered with its implementation.</summary>
internal sealed record WorkflowExtensionName(WorkflowExtensionKind Kind, string Name);

public static class WorkflowServiceCollectionExtensions
{
    /// <summary>
    /// The definitions (loaded and validated when first needed, which start-up forces), the engine, the timer
    /// processor and its background service, all over <typeparamref name="TContext"/>.
    /// </summary>
    public static IServiceCollection AddWorkflows<TContext>(this IServiceCollection services, IConfiguration configuration)
        where TContext : DbContext
    {
        var options = configuration.GetSection(WorkflowOptions.SectionName).Get<WorkflowOptions>() ?? new WorkflowOptions();
        services.AddSingleton(options);
        services.AddSingleton(provider =>
        {
            var names = provider.GetServices<WorkflowExtensionName>().ToList();
            HashSet<string> Named(WorkflowExtensionKind kind) =>
                names.Where(n => n.Kind == kind).Select(n => n.Name).ToHashSet(StringComparer.Ordinal);
            using var scope = provider.CreateScope();
            var vocabulary = new WorkflowVocabulary(
                WorkflowRoles.Known.ToHashSet(StringComparer.Ordinal),
                Named(WorkflowExtensionKind.Guard),
                Named(WorkflowExtensionKind.Effect),
                scope.ServiceProvider.GetRequiredService<IWorkflowDurationSettings>().Names,
                Named(WorkflowExtensionKind.Deadline),
                Named(WorkflowExtensionKind.Assignees),
                provider.GetServices<WorkflowContract>().ToList());
            return WorkflowCatalog.Load(options.Directory, vocabulary);
        });
        services.AddScoped(provider => ActivatorUtilities.CreateInstance<WorkflowEngine>(provider,
            (DbContext)provider.GetRequiredService<TContext>()));
        services.AddScoped(provider => ActivatorUtilities.CreateInstance<WorkflowTimerProcessor>(provider,
            (DbContext)provider.GetRequiredService<TContext>()));
        services.AddScoped(provider => ActivatorUtilities.CreateInstance<WorkflowDefinitionStore>(provider,
            (DbContext)provider.GetRequiredService<TContext>()));
        if (options.RunTimers) services.AddHostedService<WorkflowTimerService>();
        return services;
    }

    /// <summary>Declares states and actions the code relies on: a definition version without one stops start-up.</summary>
    public static IServiceCollection AddWorkflowContract(this IServiceCollection services, WorkflowContract contract) =>
        services.AddSingleton(contract);

    public static IServiceCollection AddWorkflowGuard<TGuard>(this IServiceCollection services, string name)
        where TGuard : class, IWorkflowGuard
    {
        services.AddKeyedScoped<IWorkflowGuard, TGuard>(name);
        return services.AddSingleton(new WorkflowExtensionName(WorkflowExtensionKind.Guard, name));
    }

    public static IServiceCollection AddWorkflowEffect<TEffect>(this IServiceCollection services, string name)
        where TEffect : class, IWorkflowEffect
    {
        services.AddKeyedScoped<IWorkflowEffect, TEffect>(name);
        return services.AddSingleton(new WorkflowExtensionName(WorkflowExtensionKind.Effect, name));
    }

    public static IServiceCollection AddWorkflowDeadline<TDeadline>(this IServiceCollection services, string name)
        where TDeadline : class, IWorkflowDeadline
    {
        services.AddKeyedScoped<IWorkflowDeadline, TDeadline>(name);
        return services.AddSingleton(new WorkflowExtensionName(WorkflowExtensionKind.Deadline, name));
    }

    public static IServiceCollection AddWorkflowAssignees<TAssignees>(this IServiceCollection services, string name)
        where TAssignees : class, IWorkflowAssignees
    {
        services.AddKeyedScoped<IWorkflowAssignees, TAssignees>(name);
        return services.AddSingleton(new WorkflowExtensionName(WorkflowExtensionKind.Assignees, name));
    }
}
