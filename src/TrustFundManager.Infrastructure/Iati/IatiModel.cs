namespace TrustFundManager.Infrastructure.Iati;

/// <summary>An IATI 2.03 activity file: the activities in the order they are published, and when it was made.</summary>
public sealed record IatiDocument(DateTimeOffset GeneratedAt, IReadOnlyList<IatiActivity> Activities);

/// <summary>
/// One <c>iati-activity</c>, holding what the writer puts out in the schema's order. Amounts are in
/// <see cref="DefaultCurrency"/>; texts are in <see cref="Language"/> unless a narrative says otherwise.
/// </summary>
public sealed record IatiActivity(
    string Identifier,
    int Hierarchy,
    string Language,
    string DefaultCurrency,
    DateTimeOffset? LastUpdatedAt,
    IatiOrganisation ReportingOrg,
    string Title,
    string Description,
    IReadOnlyList<IatiParticipatingOrg> ParticipatingOrgs,
    IatiActivityStatus Status,
    IReadOnlyList<IatiActivityDate> Dates,
    IReadOnlyList<IatiRecipientCountry> RecipientCountries,
    IReadOnlyList<IatiRecipientRegion> RecipientRegions,
    IReadOnlyList<IatiSector> Sectors,
    IReadOnlyList<IatiBudget> Budgets,
    IReadOnlyList<IatiTransaction> Transactions,
    IReadOnlyList<IatiRelatedActivity> RelatedActivities,
    IReadOnlyList<IatiResult> Results);

/// <summary>
/// An organisation as IATI names it: its identifier (<c>{registration agency}-{number}</c>) when it has one, its
/// OrganisationType code, and its name, which is always given.
/// </summary>
public sealed record IatiOrganisation(string? Ref, string? Type, string Name);

/// <summary>An organisation's part in an activity; <paramref name="ActivityId"/> is its own activity describing that part.</summary>
public sealed record IatiParticipatingOrg(IatiOrganisationRole Role, IatiOrganisation Organisation, string? ActivityId = null);

public sealed record IatiActivityDate(IatiActivityDateType Type, DateOnly Date);

/// <summary>An ISO 3166-1 alpha-2 country and its share of the activity (all countries and regions add up to 100).</summary>
public sealed record IatiRecipientCountry(string Code, decimal Percentage, string? Name);

/// <summary>A region of <paramref name="Vocabulary"/> (1: OECD DAC) and its share of the activity.</summary>
public sealed record IatiRecipientRegion(string Code, string Vocabulary, decimal Percentage, string? Name);

/// <summary>A sector code of <paramref name="Vocabulary"/> (1: OECD DAC 5-digit purpose codes) and its share.</summary>
public sealed record IatiSector(string Code, string Vocabulary, decimal Percentage);

/// <summary>A budget for a period; type 1 original, 2 revised; status 1 indicative, 2 committed.</summary>
public sealed record IatiBudget(int Type, int Status, DateOnly PeriodStart, DateOnly PeriodEnd, decimal Value, DateOnly ValueDate);

/// <summary>
/// A financial transaction in the activity's default currency. The provider and receiver name the organisations the
/// money moved between, and their activities where known.
/// </summary>
public sealed record IatiTransaction(
    IatiTransactionType Type,
    DateOnly Date,
    decimal Value,
    DateOnly ValueDate,
    string? Description,
    IatiOrganisation? Provider,
    string? ProviderActivityId,
    IatiOrganisation? Receiver,
    string? ReceiverActivityId);

public sealed record IatiRelatedActivity(IatiRelatedActivityType Type, string Identifier);

/// <summary>The ActivityStatus codelist.</summary>
public enum IatiActivityStatus
{
    Pipeline = 1,
    Implementation = 2,
    Finalisation = 3,
    Closed = 4,
    Cancelled = 5,
    Suspended = 6,
}

/// <summary>The OrganisationRole codelist.</summary>
public enum IatiOrganisationRole
{
    Funding = 1,
    Accountable = 2,
    Extending = 3,
    Implementing = 4,
}

/// <summary>The ActivityDateType codelist.</summary>
public enum IatiActivityDateType
{
    PlannedStart = 1,
    ActualStart = 2,
    PlannedEnd = 3,
    ActualEnd = 4,
}

/// <summary>The TransactionType codelist, the types the fund publishes.</summary>
public enum IatiTransactionType
{
    IncomingFunds = 1,
    OutgoingCommitment = 2,
    Disbursement = 3,
    Expenditure = 4,
    IncomingCommitment = 11,
    IncomingPledge = 13,
}

/// <summary>The RelatedActivityType codelist, as far as a parent and its children need it.</summary>
public enum IatiRelatedActivityType
{
    Parent = 1,
    Child = 2,
}
