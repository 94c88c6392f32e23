using TrustFundManager.Domain.Auditing;
using TrustFundManager.Domain.Common;

namespace TrustFundManager.Domain.Funding;

public enum ContributionStatus
{
    /// <summary>Announced by the donor; no agreement yet.</summary>
    Pledged,

    /// <summary>The agreement is signed: the commitment is what the deposits are measured against.</summary>
    Committed,
}

/// <summary>What a signed contribution agreement says.</summary>
public sealed record ContributionCommitment(DateOnly SignedOn, decimal Amount, string Currency, decimal RateToUsd,
    int? EarmarkedAreaNumber, string? AgreementReference);

/// <summary>Cash received against a commitment, in the commitment's currency, at the rate of the day.</summary>
public sealed record DepositReceipt(DateOnly ReceivedOn, decimal Amount, decimal RateToUsd, string Reference);

/// <summary>
/// A donor's contribution: pledged, then committed by a signed agreement (amount, currency, rate, earmark), then paid
/// in deposits that together never exceed the commitment in its own currency. Every figure keeps its currency, its
/// rate and its USD value.
/// </summary>
public sealed class Contribution
{
    public const int ReferenceMaxLength = 100;

    private readonly List<Deposit> _deposits = [];

    private Contribution()
    {
        PledgedCurrency = CreatedBy = UpdatedBy = string.Empty;
    }

    public Guid Id { get; private set; }
    public Guid DonorId { get; private set; }

    public DateOnly PledgedOn { get; private set; }
    public decimal PledgedAmount { get; private set; }
    public string PledgedCurrency { get; private set; }
    public decimal PledgedRateToUsd { get; private set; }
    public decimal PledgedUsd { get; private set; }

    public DateOnly? CommittedOn { get; private set; }
    public decimal? CommittedAmount { get; private set; }
    public string? CommittedCurrency { get; private set; }
    public decimal? CommitmentRateToUsd { get; private set; }
    public decimal? CommittedUsd { get; private set; }

    /// <summary>The thematic area the donor softly earmarked the contribution to; null when unearmarked.</summary>
    public int? EarmarkedAreaNumber { get; private set; }
    public string? AgreementReference { get; private set; }

    /// <summary>The deposits so far, in the commitment's currency and in USD.</summary>
    public decimal DepositedAmount { get; private set; }
    public decimal DepositedUsd { get; private set; }

    public ContributionStatus Status => CommittedOn is null ? ContributionStatus.Pledged : ContributionStatus.Committed;

    /// <summary>What the donor still owes under the agreement, in its currency.</summary>
    public decimal? OutstandingAmount => CommittedAmount - DepositedAmount;

    public IReadOnlyList<Deposit> Deposits => _deposits;

    /// <summary>Changes with every change: two deposits recorded at once cannot both pass the commitment's limit.</summary>
    public Guid Version { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }
    public string CreatedBy { get; private set; }
    public DateTimeOffset UpdatedAt { get; private set; }
    public string UpdatedBy { get; private set; }

    /// <summary>A donor's announced contribution, valued in USD at an indicative rate.</summary>
    public static Contribution Pledge(Guid donorId, DateOnly pledgedOn, decimal amount, string currency, decimal rateToUsd,
        DateOnly today, string actor, DateTimeOffset now)
    {
        var errors = new Dictionary<string, string[]>();
        var code = Currencies.Normalize(currency);
        if (code is null) errors["currency"] = [$"'{currency}' is not an ISO 4217 currency."];
        if (Money.AmountProblem(amount, "pledged amount") is { } amountProblem) errors["amount"] = [amountProblem];
        if (code is not null && Money.RateProblem(rateToUsd, code) is { } rateProblem) errors["rateToUsd"] = [rateProblem];
        if (pledgedOn > today) errors["pledgedOn"] = ["A pledge is recorded once made: its date cannot be in the future."];
        if (errors.Count > 0) throw new InvalidChangeException(errors);

        return new Contribution
        {
            Id = Guid.CreateVersion7(now),
            DonorId = donorId,
            PledgedOn = pledgedOn,
            PledgedAmount = amount,
            PledgedCurrency = code!,
            PledgedRateToUsd = rateToUsd,
            PledgedUsd = Money.ToUsd(amount, rateToUsd),
            Version = Guid.NewGuid(),
            CreatedAt = now,
            UpdatedAt = now,
            CreatedBy = actor,
            UpdatedBy = actor,
        };
    }

    /// <summary>The agreement is signed: from now on deposits are measured against it.</summary>
    public void Commit(ContributionCommitment commitment, IReadOnlySet<int> thematicAreas, DateOnly today, Guid? basedOnVersion,
        string actor, DateTimeOffset now)
    {
        CheckVersion(basedOnVersion);
        if (Status == ContributionStatus.Committed)
            throw new DomainConflictException($"The contribution was already committed on {CommittedOn:yyyy-MM-dd}.");

        var errors = new Dictionary<string, string[]>();
        var code = Currencies.Normalize(commitment.Currency);
        if (code is null) errors["currency"] = [$"'{commitment.Currency}' is not an ISO 4217 currency."];
        if (Money.AmountProblem(commitment.Amount, "committed amount") is { } amountProblem) errors["amount"] = [amountProblem];
        if (code is not null && Money.RateProblem(commitment.RateToUsd, code) is { } rateProblem) errors["rateToUsd"] = [rateProblem];
        if (commitment.SignedOn > today) errors["signedOn"] = ["The agreement is recorded once signed: its date cannot be in the future."];
        else if (commitment.SignedOn < PledgedOn) errors["signedOn"] = [$"The agreement cannot be signed before the pledge ({PledgedOn:yyyy-MM-dd})."];
        if (commitment.EarmarkedAreaNumber is { } area && !thematicAreas.Contains(area))
            errors["earmarkedAreaNumber"] = [$"There is no thematic area {area}."];
        var reference = string.IsNullOrWhiteSpace(commitment.AgreementReference) ? null : commitment.AgreementReference.Trim();
        if (reference is { Length: > ReferenceMaxLength })
            errors["agreementReference"] = [$"The agreement reference is at most {ReferenceMaxLength} characters."];
        if (errors.Count > 0) throw new InvalidChangeException(errors);

        CommittedOn = commitment.SignedOn;
        CommittedAmount = commitment.Amount;
        CommittedCurrency = code;
        CommitmentRateToUsd = commitment.RateToUsd;
        CommittedUsd = Money.ToUsd(commitment.Amount, commitment.RateToUsd);
        EarmarkedAreaNumber = commitment.EarmarkedAreaNumber;
        AgreementReference = reference;
        Touch(actor, now);
    }

    /// <summary>
    /// Cash received: in the commitment's currency, never taking the deposits above the commitment, valued at the rate
    /// of the day and charged the Administrative Agent's fee at <paramref name="feeRate"/>.
    /// </summary>
    public Deposit RecordDeposit(DepositReceipt receipt, decimal feeRate, DateOnly today, string actor, DateTimeOffset now)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(feeRate);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(feeRate, 1m);
        if (Status != ContributionStatus.Committed)
            throw new DomainConflictException("Deposits are recorded against a signed commitment; commit the contribution first.");

        var errors = new Dictionary<string, string[]>();
        if (Money.AmountProblem(receipt.Amount, "deposit") is { } amountProblem) errors["amount"] = [amountProblem];
        if (Money.RateProblem(receipt.RateToUsd, CommittedCurrency!) is { } rateProblem) errors["rateToUsd"] = [rateProblem];
        if (receipt.ReceivedOn > today) errors["receivedOn"] = ["A deposit is recorded once received: its date cannot be in the future."];
        else if (receipt.ReceivedOn < CommittedOn) errors["receivedOn"] = [$"A deposit cannot precede the agreement ({CommittedOn:yyyy-MM-dd})."];
        var reference = receipt.Reference.Trim();
        if (reference.Length == 0) errors["reference"] = ["A deposit names its bank reference."];
        else if (reference.Length > ReferenceMaxLength) errors["reference"] = [$"The reference is at most {ReferenceMaxLength} characters."];
        if (errors.Count > 0) throw new InvalidChangeException(errors);

        if (_deposits.Any(d => string.Equals(d.Reference, reference, StringComparison.OrdinalIgnoreCase)))
            throw new DomainConflictException($"A deposit with the reference '{reference}' is already recorded on this contribution.");
        if (DepositedAmount + receipt.Amount > CommittedAmount)
            throw new DomainConflictException(
                $"The deposits would exceed the commitment: {CommittedAmount:N2} {CommittedCurrency} committed, " +
                $"{DepositedAmount:N2} already deposited, so at most {OutstandingAmount:N2} more can be received.",
                new Dictionary<string, string[]> { ["amount"] = [$"At most {OutstandingAmount:N2} {CommittedCurrency}."] });

        var deposit = new Deposit(this, _deposits.Count + 1, receipt.ReceivedOn, receipt.Amount, receipt.RateToUsd, feeRate,
            reference, actor, now);
        _deposits.Add(deposit);
        DepositedAmount += deposit.Amount;
        DepositedUsd += deposit.AmountUsd;
        Touch(actor, now);
        return deposit;
    }

    private void CheckVersion(Guid? basedOnVersion)
    {
        if (basedOnVersion is { } version && version != Version)
            throw DomainConflictException.StaleVersion(
                "The contribution was changed by someone else since you read it; read it again.", Version);
    }

    private void Touch(string actor, DateTimeOffset now)
    {
        UpdatedAt = now;
        UpdatedBy = actor;
        Version = Guid.NewGuid();
    }
}

/// <summary>
/// Cash received against a commitment. Never changed once recorded: its USD value and the Administrative Agent's fee
/// are fixed at the rate of its day, so every later sum adds up to the cent.
/// </summary>
public sealed class Deposit : IAppendOnlyRecord
{
    private Deposit()
    {
        Currency = Reference = RecordedBy = string.Empty;
    }

    internal Deposit(Contribution contribution, int number, DateOnly receivedOn, decimal amount, decimal rateToUsd,
        decimal feeRate, string reference, string actor, DateTimeOffset now) : this()
    {
        Id = Guid.CreateVersion7(now);
        ContributionId = contribution.Id;
        DonorId = contribution.DonorId;
        EarmarkedAreaNumber = contribution.EarmarkedAreaNumber;
        Number = number;
        ReceivedOn = receivedOn;
        Amount = amount;
        Currency = contribution.CommittedCurrency!;
        RateToUsd = rateToUsd;
        AmountUsd = Money.ToUsd(amount, rateToUsd);
        FeeRate = feeRate;
        FeeUsd = Money.Cents(AmountUsd * feeRate);
        NetUsd = AmountUsd - FeeUsd;
        Reference = reference;
        RecordedAt = now;
        RecordedBy = actor;
    }

    public Guid Id { get; private set; }
    public Guid ContributionId { get; private set; }

    /// <summary>
    /// The contribution's donor and earmark, which never change once it is committed, kept on the deposit so that the
    /// sums by donor and by pool read the deposits alone, without joining each to its contribution.
    /// </summary>
    public Guid DonorId { get; private set; }
    public int? EarmarkedAreaNumber { get; private set; }

    /// <summary>1 for the first deposit on the contribution, and so on.</summary>
    public int Number { get; private set; }
    public DateOnly ReceivedOn { get; private set; }
    public decimal Amount { get; private set; }
    public string Currency { get; private set; }
    public decimal RateToUsd { get; private set; }
    public decimal AmountUsd { get; private set; }

    /// <summary>The Administrative Agent's fee rate when the deposit was received (0.01 is 1%).</summary>
    public decimal FeeRate { get; private set; }
    public decimal FeeUsd { get; private set; }

    /// <summary>What the deposit adds to the funds available for allocation.</summary>
    public decimal NetUsd { get; private set; }
    public string Reference { get; private set; }
    public DateTimeOffset RecordedAt { get; private set; }
    public string RecordedBy { get; private set; }
}
