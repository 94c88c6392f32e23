using System.Reflection;
using Microsoft.Extensions.DependencyInjection;
using TrustFundManager.Application.Access;
using TrustFundManager.Testing;
using TrustFundManager.Workflows;

namespace TrustFundManager.Api.Tests.Resilience;

/// <summary>
/// The twin of <see cref="AuthorizationMatrixTests"/> one layer down: every use case, called directly (as a web page
/// calls it) as one user of each role and as a user with no role, refuses exactly the callers that the policy of the
/// endpoint calling it leaves out.
/// So a page can never do what the API refuses, and the application layer is never the weaker line.
/// </summary>
public sealed class UseCaseAuthorizationMatrixTests(SqliteApiFactory api) : IClassFixture<SqliteApiFactory>
{
    [Fact]
    public async Task Every_use_case_refuses_exactly_the_roles_its_endpoints_policy_leaves_out()
    {
        var operations = await ApiEndpointCatalog.ReadAsync(api);
        var useCases = UseCaseCatalog.Link(operations);
        Assert.True(useCases.Count >= 20, $"Only {useCases.Count} use-case methods were found; is the catalog reading the application?");

        var failures = new List<string>();
        var calls = 0;
        foreach (var useCase in useCases)
        {
            if (useCase.CalledBy.Count == 0)
            {
                failures.Add($"{useCase}: no API operation calls it, so nothing says which roles it admits");
                continue;
            }

            // Besides one user of each role, a signed-in user who holds no role of the application: every policy
            // requires one, so every use case must refuse them (the API's answer is 403 too).
            var roleless = new WorkflowActor("no.role", "No role", []);
            foreach (var user in ApiEndpointCatalog.OneUserPerRole.Prepend(roleless.UserId))
            {
                List<bool> admittedBy;
                WorkflowActor actor;
                if (user == roleless.UserId)
                {
                    (admittedBy, actor) = ([false], roleless);
                }
                else
                {
                    var principal = ApiEndpointCatalog.PrincipalOf(user);
                    (admittedBy, actor) = (useCase.CalledBy.Select(o => o.Admits(principal)).Distinct().ToList(),
                        principal.AsWorkflowActor());
                }
                if (admittedBy.Count > 1)
                {
                    failures.Add($"{useCase}: its endpoints disagree on {user} ({string.Join(", ", useCase.CalledBy)})");
                    continue;
                }

                var refused = await CallAsync(useCase.Method, actor);
                calls++;
                if (admittedBy[0] && refused is not null)
                    failures.Add($"{useCase} as {user}: {useCase.CalledBy[0]} admits this role, yet the use case refused: {refused}");
                else if (!admittedBy[0] && refused is null)
                    failures.Add($"{useCase} as {user}: {useCase.CalledBy[0]} leaves this role out, yet the use case did not refuse it");
            }
        }

        TestContext.Current.TestOutputHelper?.WriteLine($"{useCases.Count} use-case methods, {calls} calls");
        Assert.True(failures.Count == 0, $"{failures.Count} use-case calls answered wrongly:\n{string.Join('\n', failures)}");
    }

    /// <summary>
    /// Calls the method with ids that name nothing and empty requests; the refusal's message when it was refused for
    /// the caller's role, null for any other outcome (a record not found, an invalid request, or success).
    /// </summary>
    private async Task<string?> CallAsync(MethodInfo method, WorkflowActor actor)
    {
        await using var scope = api.Services.CreateAsyncScope();
        var target = scope.ServiceProvider.GetRequiredService(method.DeclaringType!);
        var arguments = method.GetParameters().Select(p => SampleArgument(p, actor)).ToArray();
        try
        {
            var result = method.Invoke(target, arguments);
            if (result is Task task) await task;
            return null;
        }
        catch (Exception e) when (Unwrap(e) is AccessDeniedException or ActionNotPermittedException)
        {
            return Unwrap(e).Message;
        }
        catch (Exception)
        {
            return null;
        }
    }

    private static Exception Unwrap(Exception e) => e is TargetInvocationException { InnerException: { } inner } ? inner : e;

    internal static object? SampleArgument(ParameterInfo parameter, WorkflowActor actor)
    {
        var type = parameter.ParameterType;
        if (type == typeof(WorkflowActor)) return actor;
        if (type == typeof(CancellationToken)) return TestContext.Current.CancellationToken;
        if (type == typeof(Guid)) return Guid.NewGuid();
        if (type == typeof(string))
            return parameter.Name switch
            {
                "action" => "submit",
                "organization" => "UNICEF",
                "alpha3" => "MEX",
                "code" => "IOM",
                "id" => "concept-note",
                _ => "sample",
            };
        if (type == typeof(int)) return parameter.Name == "year" ? 2025 : 1;
        if (type == typeof(DateOnly)) return DateOnly.FromDateTime(DateTime.UtcNow);
        if (Nullable.GetUnderlyingType(type) is not null || !type.IsValueType && parameter.HasDefaultValue) return null;
        if (type.IsValueType) return Activator.CreateInstance(type);
        return EmptyRequest(type);
    }

    /// <summary>A request record with every member left out, as the emptiest body the API would bind.</summary>
    private static object? EmptyRequest(Type type)
    {
        var constructor = type.GetConstructors().OrderByDescending(c => c.GetParameters().Length).FirstOrDefault();
        if (constructor is null) return null;
        return constructor.Invoke(constructor.GetParameters()
            .Select(p => p.ParameterType.IsValueType && Nullable.GetUnderlyingType(p.ParameterType) is null
                ? Activator.CreateInstance(p.ParameterType)
                : p.ParameterType.IsGenericType && p.ParameterType.GetGenericTypeDefinition() == typeof(IReadOnlyList<>)
                    ? Array.CreateInstance(p.ParameterType.GetGenericArguments()[0], 0)
                    : null)
            .ToArray());
    }
}
