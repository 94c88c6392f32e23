using Microsoft.AspNetCore.Authorization;
using TrustFundManager.Domain.Access;

namespace TrustFundManager.Api.Security;

/// <summary>The named authorization policies; every endpoint states one of them.</summary>
public static class Policies
{
    /// <summary>A signed-in user holding one of the application's roles (a token with only a scope is not enough).</summary>
    public const string SignedIn = nameof(SignedIn);

    /// <summary>The fund's reference data is read by every signed-in user.</summary>
    public const string ReadReferenceData = nameof(ReadReferenceData);

    /// <summary>Only the FMU and administrators change reference data and settings.</summary>
    public const string ManageReferenceData = nameof(ManageReferenceData);

    public const string ReadAuditLog = nameof(ReadAuditLog);

    /// <summary>Governments draft and edit their own concept notes; the FMU drafts and edits on their behalf.</summary>
    public const string DraftConceptNotes = nameof(DraftConceptNotes);

    /// <summary>Only the FMU screens concept notes.</summary>
    public const string ScreenConceptNotes = nameof(ScreenConceptNotes);

    public static AuthorizationBuilder AddTrustFundPolicies(this AuthorizationBuilder builder) => builder
        .AddPolicy(SignedIn, p => p.RequireAuthenticatedUser().RequireRole(Roles.All))
        .AddPolicy(ReadReferenceData, p => p.RequireAuthenticatedUser().RequireRole(Roles.All))
        .AddPolicy(ManageReferenceData, p => p.RequireRole(Roles.FundManager, Roles.Administrator))
        .AddPolicy(ReadAuditLog, p => p.RequireRole(Roles.FundManager, Roles.Administrator))
        .AddPolicy(DraftConceptNotes, p => p.RequireRole(Roles.GovernmentFocalPoint, Roles.FundManager))
        .AddPolicy(ScreenConceptNotes, p => p.RequireRole(Roles.FundManager));
}
