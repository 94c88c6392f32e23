using System.Text.Json;
using System.Reflection;
using Microsoft.Extensions.DependencyInjection;
using TrustFundManager.Api.Tests.Committee;
using TrustFundManager.Api.Tests.ConceptNotes;
using TrustFundManager.Api.Tests.Funding;
using TrustFundManager.Api.Tests.Results;
using TrustFundManager.Application.Access;
using TrustFundManager.Application.ConceptNotes;
using TrustFundManager.Application.Funding;
using TrustFundManager.Domain.Access;
using TrustFundManager.Domain.Common;
using TrustFundManager.Testing;
using TrustFundManager.Workflows;

namespace TrustFundManager.Api.Tests.Resilience;

/// <summary>
/// The object-level half of the use-case sweep: every use case that takes an id, given a real concept note or
/// programme's id, called by a user of another country or another organization. A caller whose role the endpoint's
/// policy admits must get "not found" (the record's existence does not leak), one it leaves out "access denied";
/// never the record, never anything else.
/// </summary>
public sealed class UseCaseObjectAccessTests(FundingHost host) : IClassFixture<FundingHost>
{
    private SqliteApiFactory Api => host.Api;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static readonly WorkflowActor Philippines =
        new("gov.phl", "Maria Santos", [Roles.GovernmentFocalPoint], Country: "PHL");

    private static readonly WorkflowActor Mexico =
        new("gov.mex", "Carlos Herrera", [Roles.GovernmentFocalPoint], Country: "MEX");

    /// <summary>An organization that takes part in none of the test's records.</summary>
    private static readonly WorkflowActor Wfp =
        new("puno.wfp", "WFP focal point", [Roles.ParticipatingOrganization], Organization: "WFP");

    private static readonly WorkflowActor Unicef =
        new("puno.unicef", "David Okafor", [Roles.ParticipatingOrganization], Organization: "UNICEF");

    [Fact]
    public async Task Users_of_another_country_or_organization_find_no_record_through_any_use_case()
    {
        using var mexico = await Api.CreateClientAsAsync("gov.mex");
        var note = await mexico.CreatedNoteAsync(ConceptNoteTestSupport.CompleteNote("MEX"));
        var programme = await Api.ActiveProgrammeAsync();
        var operations = await ApiEndpointCatalog.ReadAsync(Api);
        var useCases = UseCaseCatalog.Link(operations).Where(u => u.CalledBy.Count > 0 &&
            u.Method.GetParameters().Any(p => p.ParameterType == typeof(Guid))).ToList();

        var failures = new List<string>();
        foreach (var (record, id, outsiders) in new[]
                 {
                     ("Mexico's draft concept note", note, new[] { Philippines, Wfp }),
                     ("a Ghanaian programme of UNICEF and ILO", programme, new[] { Mexico, Wfp }),
                 })
        {
            foreach (var useCase in useCases)
            foreach (var outsider in outsiders)
            {
                var admitted = useCase.CalledBy[0].Admits(PrincipalOf(outsider));
                var outcome = await CallAsync(useCase.Method, id, outsider);
                var expected = admitted ? typeof(NotFoundException) : typeof(AccessDeniedException);
                if (outcome != expected)
                    failures.Add($"{useCase} on {record} as {outsider.UserId}: expected {expected.Name}, got {outcome?.Name ?? "the record"}");
            }
        }

        Assert.True(failures.Count == 0, $"{failures.Count} calls answered wrongly:\n{string.Join('\n', failures)}");
    }

    [Fact]
    public async Task The_owners_reach_the_same_records_so_the_sweep_above_is_not_empty()
    {
        using var mexico = await Api.CreateClientAsAsync("gov.mex");
        var note = await mexico.CreatedNoteAsync(ConceptNoteTestSupport.CompleteNote("MEX"));
        var programme = await Api.ActiveProgrammeAsync();
        await using var scope = Api.Services.CreateAsyncScope();

        var read = await scope.ServiceProvider.GetRequiredService<ConceptNoteUseCases>().GetAsync(note, Mexico, Ct);
        var funded = await scope.ServiceProvider.GetRequiredService<JointProgrammeUseCases>().GetAsync(programme, Unicef, Ct);

        Assert.Equal(note, read.Id);
        Assert.Equal(programme, funded.Id);
    }

    [Fact]
    public async Task A_government_drafts_for_its_own_country_only()
    {
        await using var scope = Api.Services.CreateAsyncScope();
        var useCases = scope.ServiceProvider.GetRequiredService<ConceptNoteUseCases>();
        var request = ConceptNoteTestSupport.CompleteNote("MEX").Deserialize<ConceptNoteRequest>(TrustFundApiFactory.Json)!;

        await Assert.ThrowsAsync<AccessDeniedException>(() => useCases.CreateAsync(request, Philippines, Ct));
    }

    [Fact]
    public async Task An_organization_of_a_programme_reports_its_own_expenditure_only()
    {
        var programme = await Api.ActiveProgrammeAsync();
        await using var scope = Api.Services.CreateAsyncScope();
        var useCases = scope.ServiceProvider.GetRequiredService<JointProgrammeUseCases>();

        var refused = await Assert.ThrowsAsync<AccessDeniedException>(() => useCases.ReportExpenditureAsync(programme,
            "ILO", Api.Today().Year, new ExpenditureRequest(10m), Unicef, Ct));

        Assert.Contains("its own expenditure only", refused.Message);
    }

    private static System.Security.Claims.ClaimsPrincipal PrincipalOf(WorkflowActor actor)
    {
        var claims = new List<System.Security.Claims.Claim> { new("sub", actor.UserId) };
        claims.AddRange(actor.Roles.Select(r => new System.Security.Claims.Claim(System.Security.Claims.ClaimTypes.Role, r)));
        return new System.Security.Claims.ClaimsPrincipal(new System.Security.Claims.ClaimsIdentity(claims, "Bearer"));
    }

    /// <summary>Calls the method with <paramref name="id"/> for its first id; the type of what it threw, or null.</summary>
    private async Task<Type?> CallAsync(MethodInfo method, Guid id, WorkflowActor actor)
    {
        await using var scope = Api.Services.CreateAsyncScope();
        var target = scope.ServiceProvider.GetRequiredService(method.DeclaringType!);
        var idGiven = false;
        var arguments = method.GetParameters().Select(p =>
        {
            if (p.ParameterType != typeof(Guid) || idGiven) return UseCaseAuthorizationMatrixTests.SampleArgument(p, actor);
            idGiven = true;
            return id;
        }).ToArray();
        try
        {
            if (method.Invoke(target, arguments) is Task task) await task;
            return null;
        }
        catch (Exception e)
        {
            return (e is TargetInvocationException { InnerException: { } inner } ? inner : e).GetType();
        }
    }
}
