using System.Reflection;

namespace TrustFundManager.Api.Common;

/// <summary>One feature's routes. Every implementation in this assembly is found and mapped at start-up.</summary>
public interface IEndpointGroup
{
    void Map(IEndpointRouteBuilder app);
}

public static class EndpointGroupExtensions
{
    public static IEndpointRouteBuilder MapEndpointGroups(this IEndpointRouteBuilder app)
    {
        var groups = Assembly.GetExecutingAssembly().GetTypes()
            .Where(t => t is { IsAbstract: false, IsInterface: false } && typeof(IEndpointGroup).IsAssignableFrom(t))
            .OrderBy(t => t.FullName, StringComparer.Ordinal);
        foreach (var type in groups) ((IEndpointGroup)Activator.CreateInstance(type)!).Map(app);
        return app;
    }
}
