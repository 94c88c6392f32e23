using TrustFundManager.Domain.Common;

namespace TrustFundManager.Domain.Funding;

public enum DonorKind
{
    Government,
    Multilateral,
    Private,
}

/// <summary>A government, multilateral body or private donor that contributes to the fund.</summary>
public sealed class Donor
{
    public const int NameMaxLength = 200;

    private Donor()
    {
        Name = CreatedBy = string.Empty;
    }

    public Donor(string name, DonorKind kind, string? country, IReadOnlySet<string> knownCountries, string actor,
        DateTimeOffset now) : this()
    {
        Id = Guid.CreateVersion7(now);
        CreatedAt = now;
        CreatedBy = actor;
        Change(name, kind, country, knownCountries);
    }

    public Guid Id { get; private set; }
    public string Name { get; private set; }
    public DonorKind Kind { get; private set; }

    /// <summary>A government donor's country (ISO 3166-1 alpha-3); others may name their seat.</summary>
    public string? Country { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public string CreatedBy { get; private set; }

    public void Change(string name, DonorKind kind, string? country, IReadOnlySet<string> knownCountries)
    {
        var errors = new Dictionary<string, string[]>();
        var trimmed = name.Trim();
        if (trimmed.Length == 0) errors["name"] = ["A donor has a name."];
        else if (trimmed.Length > NameMaxLength) errors["name"] = [$"A donor's name is at most {NameMaxLength} characters."];
        if (!Enum.IsDefined(kind)) errors["kind"] = ["Unknown kind of donor."];
        var code = string.IsNullOrWhiteSpace(country) ? null : country.Trim().ToUpperInvariant();
        if (code is not null && !knownCountries.Contains(code)) errors["country"] = [$"There is no country '{country}'."];
        else if (code is null && kind == DonorKind.Government) errors["country"] = ["A government donor names its country."];
        if (errors.Count > 0) throw new InvalidChangeException(errors);

        (Name, Kind, Country) = (trimmed, kind, code);
    }
}
