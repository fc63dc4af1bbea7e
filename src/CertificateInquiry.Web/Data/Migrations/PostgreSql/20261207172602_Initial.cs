using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

#pragma warning disable CA1814 // Prefer jagged arrays over multidimensional

namespace CertificateInquiry.Web.Data.Migrations.PostgreSql
{
    /// <inheritdoc />
    public partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "AgencyAnswers",
                columns: table => new
                {
                    InquiryId = table.Column<string>(type: "character varying(40)", unicode: false, maxLength: 40, nullable: false),
                    AgencyClientId = table.Column<int>(type: "integer", nullable: false),
                    AnsweredAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    SignedAnswer = table.Column<string>(type: "text", unicode: false, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AgencyAnswers", x => x.InquiryId);
                });

            migrationBuilder.CreateTable(
                name: "AgencyClients",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ClientId = table.Column<string>(type: "character varying(64)", unicode: false, maxLength: 64, nullable: false),
                    Name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Kind = table.Column<string>(type: "character varying(16)", unicode: false, maxLength: 16, nullable: false),
                    ContactName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    ContactEmail = table.Column<string>(type: "character varying(254)", maxLength: 254, nullable: false),
                    ContactPhone = table.Column<string>(type: "character varying(15)", unicode: false, maxLength: 15, nullable: false),
                    Scopes = table.Column<int>(type: "integer", nullable: false),
                    DailyRowQuota = table.Column<int>(type: "integer", nullable: false),
                    ExpiresOn = table.Column<DateOnly>(type: "date", nullable: true),
                    CreatedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    SuspendedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    SuspensionReason = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    Version = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AgencyClients", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "DataProtectionKeys",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    FriendlyName = table.Column<string>(type: "text", nullable: true),
                    Xml = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DataProtectionKeys", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "FeeTariffs",
                columns: table => new
                {
                    JalaliYear = table.Column<int>(type: "integer", nullable: false),
                    AmountRials = table.Column<long>(type: "bigint", nullable: false),
                    UpdatedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_FeeTariffs", x => x.JalaliYear);
                });

            migrationBuilder.CreateTable(
                name: "InquiryAudit",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    OccurredAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Channel = table.Column<string>(type: "character varying(24)", unicode: false, maxLength: 24, nullable: false),
                    Outcome = table.Column<string>(type: "character varying(16)", unicode: false, maxLength: 16, nullable: false),
                    CertificateId = table.Column<long>(type: "bigint", nullable: true),
                    ClientAddressHash = table.Column<string>(type: "character varying(32)", unicode: false, maxLength: 32, nullable: false),
                    AgencyClientId = table.Column<int>(type: "integer", nullable: true),
                    Purpose = table.Column<string>(type: "character varying(16)", unicode: false, maxLength: 16, nullable: true),
                    CaseReference = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    OfficerId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    NationalCodeHash = table.Column<string>(type: "character varying(32)", unicode: false, maxLength: 32, nullable: true),
                    InquiryId = table.Column<string>(type: "character varying(40)", unicode: false, maxLength: 40, nullable: true),
                    Confidential = table.Column<bool>(type: "boolean", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_InquiryAudit", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "InquiryAuditSegments",
                columns: table => new
                {
                    Id = table.Column<string>(type: "character varying(32)", unicode: false, maxLength: 32, nullable: false),
                    WrittenAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Entries = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_InquiryAuditSegments", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "JobLeases",
                columns: table => new
                {
                    Name = table.Column<string>(type: "character varying(100)", unicode: false, maxLength: 100, nullable: false),
                    Owner = table.Column<string>(type: "character varying(100)", unicode: false, maxLength: 100, nullable: true),
                    LeasedUntilUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_JobLeases", x => x.Name);
                });

            migrationBuilder.CreateTable(
                name: "OpenIddictApplications",
                columns: table => new
                {
                    Id = table.Column<string>(type: "text", nullable: false),
                    ApplicationType = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: true),
                    ClientId = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    ClientSecret = table.Column<string>(type: "text", nullable: true),
                    ClientType = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: true),
                    ConcurrencyToken = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: true),
                    ConsentType = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: true),
                    DisplayName = table.Column<string>(type: "text", nullable: true),
                    DisplayNames = table.Column<string>(type: "text", nullable: true),
                    JsonWebKeySet = table.Column<string>(type: "text", nullable: true),
                    Permissions = table.Column<string>(type: "text", nullable: true),
                    PostLogoutRedirectUris = table.Column<string>(type: "text", nullable: true),
                    Properties = table.Column<string>(type: "text", nullable: true),
                    RedirectUris = table.Column<string>(type: "text", nullable: true),
                    Requirements = table.Column<string>(type: "text", nullable: true),
                    Settings = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_OpenIddictApplications", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "OpenIddictScopes",
                columns: table => new
                {
                    Id = table.Column<string>(type: "text", nullable: false),
                    ConcurrencyToken = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: true),
                    Description = table.Column<string>(type: "text", nullable: true),
                    Descriptions = table.Column<string>(type: "text", nullable: true),
                    DisplayName = table.Column<string>(type: "text", nullable: true),
                    DisplayNames = table.Column<string>(type: "text", nullable: true),
                    Name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    Properties = table.Column<string>(type: "text", nullable: true),
                    Resources = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_OpenIddictScopes", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Outbox",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Channel = table.Column<string>(type: "character varying(8)", unicode: false, maxLength: 8, nullable: false),
                    Recipient = table.Column<string>(type: "character varying(254)", maxLength: 254, nullable: false),
                    Subject = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    Body = table.Column<string>(type: "text", nullable: false),
                    RequestId = table.Column<long>(type: "bigint", nullable: true),
                    CreatedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    NextAttemptAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    LeasedUntilUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    Attempts = table.Column<int>(type: "integer", nullable: false),
                    SentAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    AbandonedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    LastError = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    Delivery = table.Column<string>(type: "character varying(12)", unicode: false, maxLength: 12, nullable: false),
                    DeliveryCheckedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Outbox", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "People",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    NationalCode = table.Column<string>(type: "character varying(12)", unicode: false, maxLength: 12, nullable: false),
                    Nationality = table.Column<string>(type: "character varying(2)", unicode: false, maxLength: 2, nullable: true),
                    FirstName = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    LastName = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    FatherName = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    BirthDate = table.Column<DateOnly>(type: "date", nullable: false),
                    Gender = table.Column<string>(type: "character varying(8)", unicode: false, maxLength: 8, nullable: false),
                    CreatedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    UpdatedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_People", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Provinces",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false),
                    Name = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Provinces", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "SmsCodeSends",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Mobile = table.Column<string>(type: "character varying(11)", unicode: false, maxLength: 11, nullable: false),
                    Sequence = table.Column<int>(type: "integer", nullable: false),
                    RequestId = table.Column<long>(type: "bigint", nullable: true),
                    SentAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SmsCodeSends", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "SpentClientAssertions",
                columns: table => new
                {
                    ClientId = table.Column<string>(type: "character varying(64)", unicode: false, maxLength: 64, nullable: false),
                    TokenId = table.Column<string>(type: "character varying(128)", unicode: false, maxLength: 128, nullable: false),
                    ExpiresAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SpentClientAssertions", x => new { x.ClientId, x.TokenId });
                });

            migrationBuilder.CreateTable(
                name: "StaffAudit",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    AtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    UserId = table.Column<string>(type: "character varying(64)", unicode: false, maxLength: 64, nullable: false),
                    UserName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Action = table.Column<string>(type: "character varying(48)", unicode: false, maxLength: 48, nullable: false),
                    SubjectType = table.Column<string>(type: "character varying(32)", unicode: false, maxLength: 32, nullable: true),
                    SubjectId = table.Column<string>(type: "character varying(64)", unicode: false, maxLength: 64, nullable: true),
                    ProvinceId = table.Column<int>(type: "integer", nullable: true),
                    FromStatus = table.Column<string>(type: "character varying(24)", unicode: false, maxLength: 24, nullable: true),
                    ToStatus = table.Column<string>(type: "character varying(24)", unicode: false, maxLength: 24, nullable: true),
                    Details = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_StaffAudit", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "StaffRoles",
                columns: table => new
                {
                    Id = table.Column<string>(type: "text", nullable: false),
                    Name = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    NormalizedName = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    ConcurrencyStamp = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_StaffRoles", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "TrainingStandards",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Code = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Title = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Hours = table.Column<int>(type: "integer", nullable: false),
                    RequiresPrerequisite = table.Column<bool>(type: "boolean", nullable: false),
                    CreatedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    UpdatedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_TrainingStandards", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "AgencyBatches",
                columns: table => new
                {
                    Id = table.Column<string>(type: "character varying(32)", unicode: false, maxLength: 32, nullable: false),
                    AgencyClientId = table.Column<int>(type: "integer", nullable: false),
                    IdempotencyKey = table.Column<string>(type: "character varying(64)", unicode: false, maxLength: 64, nullable: false),
                    FileSha256 = table.Column<string>(type: "character varying(64)", unicode: false, maxLength: 64, nullable: false),
                    Purpose = table.Column<string>(type: "character varying(16)", unicode: false, maxLength: 16, nullable: false),
                    CaseReference = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    OfficerId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Confidential = table.Column<bool>(type: "boolean", nullable: false),
                    FileName = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false),
                    Format = table.Column<string>(type: "character varying(8)", unicode: false, maxLength: 8, nullable: true),
                    PersonScope = table.Column<bool>(type: "boolean", nullable: false),
                    ClientAddressHash = table.Column<string>(type: "character varying(32)", unicode: false, maxLength: 32, nullable: false),
                    Status = table.Column<string>(type: "character varying(16)", unicode: false, maxLength: 16, nullable: false),
                    RejectionCode = table.Column<string>(type: "character varying(32)", unicode: false, maxLength: 32, nullable: true),
                    RejectionMessage = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: true),
                    Total = table.Column<int>(type: "integer", nullable: false),
                    Processed = table.Column<int>(type: "integer", nullable: false),
                    Verified = table.Column<int>(type: "integer", nullable: false),
                    NotFound = table.Column<int>(type: "integer", nullable: false),
                    Invalid = table.Column<int>(type: "integer", nullable: false),
                    CreatedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    StartedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    CompletedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    ResultsExpireAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    ResultsDeletedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    LeaseOwner = table.Column<string>(type: "character varying(100)", unicode: false, maxLength: 100, nullable: true),
                    LeasedUntilUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AgencyBatches", x => x.Id);
                    table.ForeignKey(
                        name: "FK_AgencyBatches_AgencyClients_AgencyClientId",
                        column: x => x.AgencyClientId,
                        principalTable: "AgencyClients",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "AgencyClientSecrets",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    AgencyClientId = table.Column<int>(type: "integer", nullable: false),
                    Hash = table.Column<string>(type: "character varying(256)", unicode: false, maxLength: 256, nullable: false),
                    Hint = table.Column<string>(type: "character varying(8)", unicode: false, maxLength: 8, nullable: false),
                    CreatedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    ExpiresAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    RevokedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AgencyClientSecrets", x => x.Id);
                    table.ForeignKey(
                        name: "FK_AgencyClientSecrets_AgencyClients_AgencyClientId",
                        column: x => x.AgencyClientId,
                        principalTable: "AgencyClients",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "AgencyDailyUsage",
                columns: table => new
                {
                    AgencyClientId = table.Column<int>(type: "integer", nullable: false),
                    Day = table.Column<DateOnly>(type: "date", nullable: false),
                    Rows = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AgencyDailyUsage", x => new { x.AgencyClientId, x.Day });
                    table.ForeignKey(
                        name: "FK_AgencyDailyUsage_AgencyClients_AgencyClientId",
                        column: x => x.AgencyClientId,
                        principalTable: "AgencyClients",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "OpenIddictAuthorizations",
                columns: table => new
                {
                    Id = table.Column<string>(type: "text", nullable: false),
                    ApplicationId = table.Column<string>(type: "text", nullable: true),
                    ConcurrencyToken = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: true),
                    CreationDate = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    Properties = table.Column<string>(type: "text", nullable: true),
                    Scopes = table.Column<string>(type: "text", nullable: true),
                    Status = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: true),
                    Subject = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: true),
                    Type = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_OpenIddictAuthorizations", x => x.Id);
                    table.ForeignKey(
                        name: "FK_OpenIddictAuthorizations_OpenIddictApplications_Application~",
                        column: x => x.ApplicationId,
                        principalTable: "OpenIddictApplications",
                        principalColumn: "Id");
                });

            migrationBuilder.CreateTable(
                name: "LetterSequences",
                columns: table => new
                {
                    ProvinceId = table.Column<int>(type: "integer", nullable: false),
                    JalaliYear = table.Column<int>(type: "integer", nullable: false),
                    Next = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_LetterSequences", x => new { x.ProvinceId, x.JalaliYear });
                    table.ForeignKey(
                        name: "FK_LetterSequences_Provinces_ProvinceId",
                        column: x => x.ProvinceId,
                        principalTable: "Provinces",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "PaperLetters",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ProvinceId = table.Column<int>(type: "integer", nullable: false),
                    AgencyClientId = table.Column<int>(type: "integer", nullable: true),
                    AgencyName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    AgencyKey = table.Column<string>(type: "character varying(208)", maxLength: 208, nullable: false),
                    AgencyLetterNumber = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    AgencyLetterDate = table.Column<DateOnly>(type: "date", nullable: false),
                    Purpose = table.Column<string>(type: "character varying(16)", unicode: false, maxLength: 16, nullable: false),
                    RegisteredByUserId = table.Column<string>(type: "character varying(64)", unicode: false, maxLength: 64, nullable: false),
                    RegisteredByName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    RegisteredAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    AnswerLetterNumber = table.Column<string>(type: "character varying(24)", unicode: false, maxLength: 24, nullable: true),
                    AnswerJalaliYear = table.Column<int>(type: "integer", nullable: true),
                    AnswerSequence = table.Column<int>(type: "integer", nullable: true),
                    VerificationCode = table.Column<string>(type: "character varying(16)", unicode: false, maxLength: 16, nullable: true),
                    IssuedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    SignerUserId = table.Column<string>(type: "character varying(64)", unicode: false, maxLength: 64, nullable: true),
                    SignerName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    SignerTitle = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    Version = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PaperLetters", x => x.Id);
                    table.ForeignKey(
                        name: "FK_PaperLetters_AgencyClients_AgencyClientId",
                        column: x => x.AgencyClientId,
                        principalTable: "AgencyClients",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_PaperLetters_Provinces_ProvinceId",
                        column: x => x.ProvinceId,
                        principalTable: "Provinces",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "StaffUsers",
                columns: table => new
                {
                    Id = table.Column<string>(type: "text", nullable: false),
                    FullName = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false),
                    Title = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    ProvinceId = table.Column<int>(type: "integer", nullable: true),
                    CreatedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    IsActive = table.Column<bool>(type: "boolean", nullable: false),
                    MustChangePassword = table.Column<bool>(type: "boolean", nullable: false),
                    AgencyClientId = table.Column<int>(type: "integer", nullable: true),
                    LastAuthenticatorTimeStep = table.Column<long>(type: "bigint", nullable: true),
                    UserName = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    NormalizedUserName = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    Email = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    NormalizedEmail = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    EmailConfirmed = table.Column<bool>(type: "boolean", nullable: false),
                    PasswordHash = table.Column<string>(type: "text", nullable: true),
                    SecurityStamp = table.Column<string>(type: "text", nullable: true),
                    ConcurrencyStamp = table.Column<string>(type: "text", nullable: true),
                    PhoneNumber = table.Column<string>(type: "text", nullable: true),
                    PhoneNumberConfirmed = table.Column<bool>(type: "boolean", nullable: false),
                    TwoFactorEnabled = table.Column<bool>(type: "boolean", nullable: false),
                    LockoutEnd = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    LockoutEnabled = table.Column<bool>(type: "boolean", nullable: false),
                    AccessFailedCount = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_StaffUsers", x => x.Id);
                    table.ForeignKey(
                        name: "FK_StaffUsers_AgencyClients_AgencyClientId",
                        column: x => x.AgencyClientId,
                        principalTable: "AgencyClients",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_StaffUsers_Provinces_ProvinceId",
                        column: x => x.ProvinceId,
                        principalTable: "Provinces",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "StaffRoleClaims",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    RoleId = table.Column<string>(type: "text", nullable: false),
                    ClaimType = table.Column<string>(type: "text", nullable: true),
                    ClaimValue = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_StaffRoleClaims", x => x.Id);
                    table.ForeignKey(
                        name: "FK_StaffRoleClaims_StaffRoles_RoleId",
                        column: x => x.RoleId,
                        principalTable: "StaffRoles",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Certificates",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Number = table.Column<string>(type: "character varying(32)", unicode: false, maxLength: 32, nullable: false),
                    Kind = table.Column<string>(type: "character varying(16)", unicode: false, maxLength: 16, nullable: false),
                    PersonId = table.Column<long>(type: "bigint", nullable: false),
                    StandardId = table.Column<int>(type: "integer", nullable: false),
                    ExamDate = table.Column<DateOnly>(type: "date", nullable: false),
                    IssueDate = table.Column<DateOnly>(type: "date", nullable: false),
                    ExpiryDate = table.Column<DateOnly>(type: "date", nullable: true),
                    ProvinceId = table.Column<int>(type: "integer", nullable: false),
                    TrainingCenter = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Status = table.Column<string>(type: "character varying(16)", unicode: false, maxLength: 16, nullable: false),
                    Program = table.Column<string>(type: "character varying(16)", unicode: false, maxLength: 16, nullable: false),
                    Source = table.Column<string>(type: "character varying(24)", unicode: false, maxLength: 24, nullable: false),
                    VerificationCode = table.Column<string>(type: "character varying(16)", unicode: false, maxLength: 16, nullable: false),
                    CreatedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    UpdatedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Certificates", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Certificates_People_PersonId",
                        column: x => x.PersonId,
                        principalTable: "People",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Certificates_Provinces_ProvinceId",
                        column: x => x.ProvinceId,
                        principalTable: "Provinces",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Certificates_TrainingStandards_StandardId",
                        column: x => x.StandardId,
                        principalTable: "TrainingStandards",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "AgencyBatchFiles",
                columns: table => new
                {
                    BatchId = table.Column<string>(type: "character varying(32)", unicode: false, maxLength: 32, nullable: false),
                    Format = table.Column<string>(type: "character varying(8)", unicode: false, maxLength: 8, nullable: false),
                    Content = table.Column<byte[]>(type: "bytea", nullable: false),
                    Sha256 = table.Column<string>(type: "character varying(64)", unicode: false, maxLength: 64, nullable: false),
                    Signature = table.Column<string>(type: "text", unicode: false, nullable: false),
                    CreatedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AgencyBatchFiles", x => new { x.BatchId, x.Format });
                    table.ForeignKey(
                        name: "FK_AgencyBatchFiles_AgencyBatches_BatchId",
                        column: x => x.BatchId,
                        principalTable: "AgencyBatches",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "AgencyBatchRows",
                columns: table => new
                {
                    BatchId = table.Column<string>(type: "character varying(32)", unicode: false, maxLength: 32, nullable: false),
                    RowNumber = table.Column<int>(type: "integer", nullable: false),
                    RowId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    NationalCode = table.Column<string>(type: "character varying(12)", unicode: false, maxLength: 12, nullable: true),
                    CertificateNumber = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    FirstName = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    LastName = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    Reason = table.Column<string>(type: "character varying(32)", unicode: false, maxLength: 32, nullable: true),
                    Processed = table.Column<bool>(type: "boolean", nullable: false),
                    Outcome = table.Column<string>(type: "character varying(16)", unicode: false, maxLength: 16, nullable: true),
                    FirstNameMatch = table.Column<string>(type: "character varying(16)", unicode: false, maxLength: 16, nullable: true),
                    LastNameMatch = table.Column<string>(type: "character varying(16)", unicode: false, maxLength: 16, nullable: true),
                    Certificates = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AgencyBatchRows", x => new { x.BatchId, x.RowNumber });
                    table.ForeignKey(
                        name: "FK_AgencyBatchRows_AgencyBatches_BatchId",
                        column: x => x.BatchId,
                        principalTable: "AgencyBatches",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "OpenIddictTokens",
                columns: table => new
                {
                    Id = table.Column<string>(type: "text", nullable: false),
                    ApplicationId = table.Column<string>(type: "text", nullable: true),
                    AuthorizationId = table.Column<string>(type: "text", nullable: true),
                    ConcurrencyToken = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: true),
                    CreationDate = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    ExpirationDate = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    Payload = table.Column<string>(type: "text", nullable: true),
                    Properties = table.Column<string>(type: "text", nullable: true),
                    RedemptionDate = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    ReferenceId = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    Status = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: true),
                    Subject = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: true),
                    Type = table.Column<string>(type: "character varying(150)", maxLength: 150, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_OpenIddictTokens", x => x.Id);
                    table.ForeignKey(
                        name: "FK_OpenIddictTokens_OpenIddictApplications_ApplicationId",
                        column: x => x.ApplicationId,
                        principalTable: "OpenIddictApplications",
                        principalColumn: "Id");
                    table.ForeignKey(
                        name: "FK_OpenIddictTokens_OpenIddictAuthorizations_AuthorizationId",
                        column: x => x.AuthorizationId,
                        principalTable: "OpenIddictAuthorizations",
                        principalColumn: "Id");
                });

            migrationBuilder.CreateTable(
                name: "StaffUserClaims",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    UserId = table.Column<string>(type: "text", nullable: false),
                    ClaimType = table.Column<string>(type: "text", nullable: true),
                    ClaimValue = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_StaffUserClaims", x => x.Id);
                    table.ForeignKey(
                        name: "FK_StaffUserClaims_StaffUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "StaffUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "StaffUserLogins",
                columns: table => new
                {
                    LoginProvider = table.Column<string>(type: "text", nullable: false),
                    ProviderKey = table.Column<string>(type: "text", nullable: false),
                    ProviderDisplayName = table.Column<string>(type: "text", nullable: true),
                    UserId = table.Column<string>(type: "text", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_StaffUserLogins", x => new { x.LoginProvider, x.ProviderKey });
                    table.ForeignKey(
                        name: "FK_StaffUserLogins_StaffUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "StaffUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "StaffUserRoles",
                columns: table => new
                {
                    UserId = table.Column<string>(type: "text", nullable: false),
                    RoleId = table.Column<string>(type: "text", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_StaffUserRoles", x => new { x.UserId, x.RoleId });
                    table.ForeignKey(
                        name: "FK_StaffUserRoles_StaffRoles_RoleId",
                        column: x => x.RoleId,
                        principalTable: "StaffRoles",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_StaffUserRoles_StaffUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "StaffUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "StaffUserTokens",
                columns: table => new
                {
                    UserId = table.Column<string>(type: "text", nullable: false),
                    LoginProvider = table.Column<string>(type: "text", nullable: false),
                    Name = table.Column<string>(type: "text", nullable: false),
                    Value = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_StaffUserTokens", x => new { x.UserId, x.LoginProvider, x.Name });
                    table.ForeignKey(
                        name: "FK_StaffUserTokens_StaffUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "StaffUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "CertificateCorrections",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    CertificateId = table.Column<long>(type: "bigint", nullable: false),
                    ProvinceId = table.Column<int>(type: "integer", nullable: false),
                    HolderIdentifier = table.Column<string>(type: "character varying(16)", unicode: false, maxLength: 16, nullable: false),
                    Field = table.Column<string>(type: "character varying(16)", unicode: false, maxLength: 16, nullable: false),
                    ReportedValue = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    RequestedValue = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Note = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    Mobile = table.Column<string>(type: "character varying(11)", unicode: false, maxLength: 11, nullable: false),
                    SubmissionKey = table.Column<Guid>(type: "uuid", nullable: false),
                    OpenKey = table.Column<string>(type: "character varying(40)", unicode: false, maxLength: 40, nullable: true),
                    Status = table.Column<string>(type: "character varying(16)", unicode: false, maxLength: 16, nullable: false),
                    DocumentName = table.Column<string>(type: "character varying(120)", maxLength: 120, nullable: true),
                    DocumentStoredName = table.Column<string>(type: "character varying(64)", unicode: false, maxLength: 64, nullable: true),
                    DocumentContentType = table.Column<string>(type: "character varying(32)", unicode: false, maxLength: 32, nullable: true),
                    DocumentLength = table.Column<long>(type: "bigint", nullable: true),
                    DocumentSha256 = table.Column<string>(type: "character varying(64)", unicode: false, maxLength: 64, nullable: true),
                    ProposedOutcome = table.Column<string>(type: "character varying(16)", unicode: false, maxLength: 16, nullable: true),
                    ProposedValue = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    ProposedReason = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    ProposedByUserId = table.Column<string>(type: "character varying(64)", unicode: false, maxLength: 64, nullable: true),
                    ProposedByName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    ProposedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    DecidedByUserId = table.Column<string>(type: "character varying(64)", unicode: false, maxLength: 64, nullable: true),
                    DecidedByName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    DecidedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    DecisionNote = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    Answer = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    CreatedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    UpdatedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Version = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CertificateCorrections", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CertificateCorrections_Certificates_CertificateId",
                        column: x => x.CertificateId,
                        principalTable: "Certificates",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_CertificateCorrections_Provinces_ProvinceId",
                        column: x => x.ProvinceId,
                        principalTable: "Provinces",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "Requests",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    AccessKey = table.Column<string>(type: "character varying(32)", unicode: false, maxLength: 32, nullable: false),
                    TrackingCode = table.Column<string>(type: "character varying(12)", unicode: false, maxLength: 12, nullable: true),
                    Status = table.Column<string>(type: "character varying(24)", unicode: false, maxLength: 24, nullable: false),
                    NationalCode = table.Column<string>(type: "character varying(12)", unicode: false, maxLength: 12, nullable: true),
                    Nationality = table.Column<string>(type: "character varying(2)", unicode: false, maxLength: 2, nullable: true),
                    IdentityDocumentNumber = table.Column<string>(type: "character varying(32)", unicode: false, maxLength: 32, nullable: true),
                    FirstName = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    LastName = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    FatherName = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    BirthDate = table.Column<DateOnly>(type: "date", nullable: true),
                    Gender = table.Column<string>(type: "character varying(8)", unicode: false, maxLength: 8, nullable: true),
                    Mobile = table.Column<string>(type: "character varying(11)", unicode: false, maxLength: 11, nullable: true),
                    MobileConfirmedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    MobileNumbersUsed = table.Column<int>(type: "integer", nullable: false),
                    Email = table.Column<string>(type: "character varying(254)", maxLength: 254, nullable: true),
                    RequesterKind = table.Column<string>(type: "character varying(16)", unicode: false, maxLength: 16, nullable: false),
                    OrganizationName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    OrganizationLetterNumber = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    PaperLetterId = table.Column<long>(type: "bigint", nullable: true),
                    StandardId = table.Column<int>(type: "integer", nullable: true),
                    TradeText = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    ExamYear = table.Column<int>(type: "integer", nullable: true),
                    ProvinceId = table.Column<int>(type: "integer", nullable: true),
                    TrainingCenter = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    CertificateNumber = table.Column<string>(type: "character varying(32)", unicode: false, maxLength: 32, nullable: true),
                    CreatedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    UpdatedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    SubmittedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    DueOn = table.Column<DateOnly>(type: "date", nullable: true),
                    AssignedToUserId = table.Column<string>(type: "character varying(64)", unicode: false, maxLength: 64, nullable: true),
                    VisitKind = table.Column<string>(type: "character varying(16)", unicode: false, maxLength: 16, nullable: true),
                    VisitAtLocal = table.Column<DateTime>(type: "timestamp without time zone", nullable: true),
                    VisitPlace = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    Outcome = table.Column<string>(type: "character varying(16)", unicode: false, maxLength: 16, nullable: true),
                    OutcomeReason = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    AnsweredAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    AnswerCertificateId = table.Column<long>(type: "bigint", nullable: true),
                    Version = table.Column<Guid>(type: "uuid", nullable: false),
                    MobileOwnership = table.Column<string>(type: "character varying(16)", unicode: false, maxLength: 16, nullable: false),
                    IdentityCheck = table.Column<string>(type: "character varying(16)", unicode: false, maxLength: 16, nullable: false),
                    IdentityDifferences = table.Column<string>(type: "character varying(64)", unicode: false, maxLength: 64, nullable: true),
                    IdentityCheckedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    IdentityCheckAttempts = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Requests", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Requests_Certificates_AnswerCertificateId",
                        column: x => x.AnswerCertificateId,
                        principalTable: "Certificates",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Requests_PaperLetters_PaperLetterId",
                        column: x => x.PaperLetterId,
                        principalTable: "PaperLetters",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Requests_Provinces_ProvinceId",
                        column: x => x.ProvinceId,
                        principalTable: "Provinces",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Requests_TrainingStandards_StandardId",
                        column: x => x.StandardId,
                        principalTable: "TrainingStandards",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "ShareCodes",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    PersonId = table.Column<long>(type: "bigint", nullable: false),
                    CertificateId = table.Column<long>(type: "bigint", nullable: true),
                    CodeHash = table.Column<string>(type: "character varying(64)", unicode: false, maxLength: 64, nullable: false),
                    Hint = table.Column<string>(type: "character varying(4)", unicode: false, maxLength: 4, nullable: false),
                    Recipient = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    CreationKey = table.Column<string>(type: "character varying(32)", unicode: false, maxLength: 32, nullable: false),
                    CreatedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    ExpiresAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    RevokedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    UseCount = table.Column<int>(type: "integer", nullable: false),
                    LastUsedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ShareCodes", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ShareCodes_Certificates_CertificateId",
                        column: x => x.CertificateId,
                        principalTable: "Certificates",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_ShareCodes_People_PersonId",
                        column: x => x.PersonId,
                        principalTable: "People",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "CertificateChanges",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    CertificateId = table.Column<long>(type: "bigint", nullable: false),
                    Field = table.Column<string>(type: "character varying(16)", unicode: false, maxLength: 16, nullable: false),
                    OldValue = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    NewValue = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    AtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    ApprovedByUserId = table.Column<string>(type: "character varying(64)", unicode: false, maxLength: 64, nullable: false),
                    ApprovedByName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    CorrectionId = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CertificateChanges", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CertificateChanges_CertificateCorrections_CorrectionId",
                        column: x => x.CorrectionId,
                        principalTable: "CertificateCorrections",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_CertificateChanges_Certificates_CertificateId",
                        column: x => x.CertificateId,
                        principalTable: "Certificates",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "AnswerLetters",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    RequestId = table.Column<long>(type: "bigint", nullable: false),
                    TrackingCode = table.Column<string>(type: "character varying(12)", unicode: false, maxLength: 12, nullable: false),
                    LetterNumber = table.Column<string>(type: "character varying(24)", unicode: false, maxLength: 24, nullable: false),
                    ProvinceId = table.Column<int>(type: "integer", nullable: false),
                    JalaliYear = table.Column<int>(type: "integer", nullable: false),
                    Sequence = table.Column<int>(type: "integer", nullable: false),
                    IssuedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    VerificationCode = table.Column<string>(type: "character varying(16)", unicode: false, maxLength: 16, nullable: false),
                    SignerUserId = table.Column<string>(type: "character varying(64)", unicode: false, maxLength: 64, nullable: false),
                    SignerName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    SignerTitle = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    RequesterKind = table.Column<string>(type: "character varying(16)", unicode: false, maxLength: 16, nullable: false),
                    ApplicantName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    ApplicantFatherName = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    ApplicantGender = table.Column<string>(type: "character varying(8)", unicode: false, maxLength: 8, nullable: true),
                    OrganizationName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    OrganizationLetterNumber = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    RequestedTrade = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    RequestedExamYear = table.Column<int>(type: "integer", nullable: true),
                    Outcome = table.Column<string>(type: "character varying(16)", unicode: false, maxLength: 16, nullable: false),
                    OutcomeReason = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    CertificateId = table.Column<long>(type: "bigint", nullable: true),
                    CertificateNumber = table.Column<string>(type: "character varying(32)", unicode: false, maxLength: 32, nullable: true),
                    CertificateKind = table.Column<string>(type: "character varying(16)", unicode: false, maxLength: 16, nullable: true),
                    HolderName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    HolderFatherName = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    HolderNationality = table.Column<string>(type: "character varying(2)", unicode: false, maxLength: 2, nullable: true),
                    StandardTitle = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    StandardCode = table.Column<string>(type: "character varying(32)", unicode: false, maxLength: 32, nullable: true),
                    ExamDate = table.Column<DateOnly>(type: "date", nullable: true),
                    IssueDate = table.Column<DateOnly>(type: "date", nullable: true),
                    TrainingCenter = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AnswerLetters", x => x.Id);
                    table.ForeignKey(
                        name: "FK_AnswerLetters_Certificates_CertificateId",
                        column: x => x.CertificateId,
                        principalTable: "Certificates",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_AnswerLetters_Provinces_ProvinceId",
                        column: x => x.ProvinceId,
                        principalTable: "Provinces",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_AnswerLetters_Requests_RequestId",
                        column: x => x.RequestId,
                        principalTable: "Requests",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "AnswerProposals",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    RequestId = table.Column<long>(type: "bigint", nullable: false),
                    Outcome = table.Column<string>(type: "character varying(16)", unicode: false, maxLength: 16, nullable: false),
                    Reason = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    LinkedCertificateId = table.Column<long>(type: "bigint", nullable: true),
                    CertificateNumber = table.Column<string>(type: "character varying(32)", unicode: false, maxLength: 32, nullable: true),
                    CertificateKind = table.Column<string>(type: "character varying(16)", unicode: false, maxLength: 16, nullable: true),
                    StandardId = table.Column<int>(type: "integer", nullable: true),
                    ExamDate = table.Column<DateOnly>(type: "date", nullable: true),
                    IssueDate = table.Column<DateOnly>(type: "date", nullable: true),
                    ExpiryDate = table.Column<DateOnly>(type: "date", nullable: true),
                    TrainingCenter = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    Program = table.Column<string>(type: "character varying(16)", unicode: false, maxLength: 16, nullable: true),
                    ProposedByUserId = table.Column<string>(type: "character varying(64)", unicode: false, maxLength: 64, nullable: false),
                    ProposedByName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    ProposedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Decision = table.Column<string>(type: "character varying(16)", unicode: false, maxLength: 16, nullable: true),
                    DecidedByUserId = table.Column<string>(type: "character varying(64)", unicode: false, maxLength: 64, nullable: true),
                    DecidedByName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    DecidedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    DecisionNote = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AnswerProposals", x => x.Id);
                    table.ForeignKey(
                        name: "FK_AnswerProposals_Certificates_LinkedCertificateId",
                        column: x => x.LinkedCertificateId,
                        principalTable: "Certificates",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_AnswerProposals_Requests_RequestId",
                        column: x => x.RequestId,
                        principalTable: "Requests",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_AnswerProposals_TrainingStandards_StandardId",
                        column: x => x.StandardId,
                        principalTable: "TrainingStandards",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "PaperLetterRows",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    PaperLetterId = table.Column<long>(type: "bigint", nullable: false),
                    RowNumber = table.Column<int>(type: "integer", nullable: false),
                    RowId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    GivenNationalCode = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    GivenCertificateNumber = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    GivenFirstName = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    GivenLastName = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    NationalCode = table.Column<string>(type: "character varying(12)", unicode: false, maxLength: 12, nullable: true),
                    CertificateNumber = table.Column<string>(type: "character varying(32)", unicode: false, maxLength: 32, nullable: true),
                    FirstName = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    LastName = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    Outcome = table.Column<string>(type: "character varying(16)", unicode: false, maxLength: 16, nullable: false),
                    ReasonCode = table.Column<string>(type: "character varying(200)", unicode: false, maxLength: 200, nullable: true),
                    Reason = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    RequestId = table.Column<long>(type: "bigint", nullable: true),
                    CertificateId = table.Column<long>(type: "bigint", nullable: true),
                    FoundCertificateNumber = table.Column<string>(type: "character varying(32)", unicode: false, maxLength: 32, nullable: true),
                    StandardTitle = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    StandardCode = table.Column<string>(type: "character varying(32)", unicode: false, maxLength: 32, nullable: true),
                    IssueDate = table.Column<DateOnly>(type: "date", nullable: true),
                    CertificateStatus = table.Column<string>(type: "character varying(16)", unicode: false, maxLength: 16, nullable: true),
                    FirstNameMatch = table.Column<string>(type: "character varying(16)", unicode: false, maxLength: 16, nullable: true),
                    LastNameMatch = table.Column<string>(type: "character varying(16)", unicode: false, maxLength: 16, nullable: true),
                    AnsweredAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PaperLetterRows", x => x.Id);
                    table.ForeignKey(
                        name: "FK_PaperLetterRows_Certificates_CertificateId",
                        column: x => x.CertificateId,
                        principalTable: "Certificates",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_PaperLetterRows_PaperLetters_PaperLetterId",
                        column: x => x.PaperLetterId,
                        principalTable: "PaperLetters",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_PaperLetterRows_Requests_RequestId",
                        column: x => x.RequestId,
                        principalTable: "Requests",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "Payments",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    RequestId = table.Column<long>(type: "bigint", nullable: false),
                    AmountRials = table.Column<long>(type: "bigint", nullable: false),
                    Gateway = table.Column<string>(type: "character varying(32)", unicode: false, maxLength: 32, nullable: false),
                    Authority = table.Column<string>(type: "character varying(64)", unicode: false, maxLength: 64, nullable: true),
                    Status = table.Column<string>(type: "character varying(16)", unicode: false, maxLength: 16, nullable: false),
                    ReferenceNumber = table.Column<string>(type: "character varying(64)", unicode: false, maxLength: 64, nullable: true),
                    GatewayTransactionId = table.Column<string>(type: "character varying(64)", unicode: false, maxLength: 64, nullable: true),
                    TreasuryPaymentId = table.Column<string>(type: "character varying(32)", unicode: false, maxLength: 32, nullable: true),
                    CallbackReceivedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    FailureReason = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    CreatedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    CompletedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Payments", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Payments_Requests_RequestId",
                        column: x => x.RequestId,
                        principalTable: "Requests",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "PhoneVerifications",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    RequestId = table.Column<long>(type: "bigint", nullable: true),
                    HolderKey = table.Column<string>(type: "character varying(32)", unicode: false, maxLength: 32, nullable: true),
                    Mobile = table.Column<string>(type: "character varying(11)", unicode: false, maxLength: 11, nullable: false),
                    CodeHash = table.Column<string>(type: "character varying(64)", unicode: false, maxLength: 64, nullable: false),
                    SentAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    ExpiresAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    SendCount = table.Column<int>(type: "integer", nullable: false),
                    FailedAttempts = table.Column<int>(type: "integer", nullable: false),
                    ConfirmedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PhoneVerifications", x => x.Id);
                    table.ForeignKey(
                        name: "FK_PhoneVerifications_Requests_RequestId",
                        column: x => x.RequestId,
                        principalTable: "Requests",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "RequestDocuments",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    RequestId = table.Column<long>(type: "bigint", nullable: false),
                    Kind = table.Column<string>(type: "character varying(24)", unicode: false, maxLength: 24, nullable: false),
                    OriginalName = table.Column<string>(type: "character varying(120)", maxLength: 120, nullable: false),
                    StoredName = table.Column<string>(type: "character varying(64)", unicode: false, maxLength: 64, nullable: false),
                    ContentType = table.Column<string>(type: "character varying(32)", unicode: false, maxLength: 32, nullable: false),
                    Length = table.Column<long>(type: "bigint", nullable: false),
                    Sha256 = table.Column<string>(type: "character varying(64)", unicode: false, maxLength: 64, nullable: false),
                    UploadedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    UploadedInStatus = table.Column<string>(type: "character varying(24)", unicode: false, maxLength: 24, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RequestDocuments", x => x.Id);
                    table.ForeignKey(
                        name: "FK_RequestDocuments_Requests_RequestId",
                        column: x => x.RequestId,
                        principalTable: "Requests",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "RequestMessages",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    RequestId = table.Column<long>(type: "bigint", nullable: false),
                    AtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Author = table.Column<string>(type: "character varying(64)", unicode: false, maxLength: 64, nullable: false),
                    AuthorName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Text = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    IsInternal = table.Column<bool>(type: "boolean", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RequestMessages", x => x.Id);
                    table.ForeignKey(
                        name: "FK_RequestMessages_Requests_RequestId",
                        column: x => x.RequestId,
                        principalTable: "Requests",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "RequestTransitions",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    RequestId = table.Column<long>(type: "bigint", nullable: false),
                    From = table.Column<string>(type: "character varying(24)", unicode: false, maxLength: 24, nullable: true),
                    To = table.Column<string>(type: "character varying(24)", unicode: false, maxLength: 24, nullable: false),
                    AtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Actor = table.Column<string>(type: "character varying(64)", unicode: false, maxLength: 64, nullable: false),
                    ActorName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Note = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RequestTransitions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_RequestTransitions_Requests_RequestId",
                        column: x => x.RequestId,
                        principalTable: "Requests",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.InsertData(
                table: "FeeTariffs",
                columns: new[] { "JalaliYear", "AmountRials", "UpdatedAtUtc" },
                values: new object[,]
                {
                    { 1404, 2500000L, new DateTime(2026, 11, 24, 0, 0, 0, 0, DateTimeKind.Utc) },
                    { 1405, 3000000L, new DateTime(2026, 11, 24, 0, 0, 0, 0, DateTimeKind.Utc) },
                    { 1406, 3600000L, new DateTime(2026, 11, 24, 0, 0, 0, 0, DateTimeKind.Utc) }
                });

            migrationBuilder.InsertData(
                table: "Provinces",
                columns: new[] { "Id", "Name" },
                values: new object[,]
                {
                    { 1, "آذربایجان شرقی" },
                    { 2, "آذربایجان غربی" },
                    { 3, "اردبیل" },
                    { 4, "اصفهان" },
                    { 5, "البرز" },
                    { 6, "ایلام" },
                    { 7, "بوشهر" },
                    { 8, "تهران" },
                    { 9, "چهارمحال و بختیاری" },
                    { 10, "خراسان جنوبی" },
                    { 11, "خراسان رضوی" },
                    { 12, "خراسان شمالی" },
                    { 13, "خوزستان" },
                    { 14, "زنجان" },
                    { 15, "سمنان" },
                    { 16, "سیستان و بلوچستان" },
                    { 17, "فارس" },
                    { 18, "قزوین" },
                    { 19, "قم" },
                    { 20, "کردستان" },
                    { 21, "کرمان" },
                    { 22, "کرمانشاه" },
                    { 23, "کهگیلویه و بویراحمد" },
                    { 24, "گلستان" },
                    { 25, "گیلان" },
                    { 26, "لرستان" },
                    { 27, "مازندران" },
                    { 28, "مرکزی" },
                    { 29, "هرمزگان" },
                    { 30, "همدان" },
                    { 31, "یزد" }
                });

            migrationBuilder.InsertData(
                table: "StaffRoles",
                columns: new[] { "Id", "ConcurrencyStamp", "Name", "NormalizedName" },
                values: new object[,]
                {
                    { "AgencyAdministrator", "AgencyAdministrator", "AgencyAdministrator", "AGENCYADMINISTRATOR" },
                    { "AgencyOfficer", "AgencyOfficer", "AgencyOfficer", "AGENCYOFFICER" },
                    { "NationalAdmin", "NationalAdmin", "NationalAdmin", "NATIONALADMIN" },
                    { "ProvincialExpert", "ProvincialExpert", "ProvincialExpert", "PROVINCIALEXPERT" },
                    { "ProvincialManager", "ProvincialManager", "ProvincialManager", "PROVINCIALMANAGER" }
                });

            migrationBuilder.CreateIndex(
                name: "IX_AgencyAnswers_AnsweredAtUtc",
                table: "AgencyAnswers",
                column: "AnsweredAtUtc");

            migrationBuilder.CreateIndex(
                name: "IX_AgencyBatches_AgencyClientId_CreatedAtUtc",
                table: "AgencyBatches",
                columns: new[] { "AgencyClientId", "CreatedAtUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_AgencyBatches_AgencyClientId_IdempotencyKey",
                table: "AgencyBatches",
                columns: new[] { "AgencyClientId", "IdempotencyKey" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_AgencyBatches_ResultsExpireAtUtc",
                table: "AgencyBatches",
                column: "ResultsExpireAtUtc");

            migrationBuilder.CreateIndex(
                name: "IX_AgencyBatches_Status_LeasedUntilUtc",
                table: "AgencyBatches",
                columns: new[] { "Status", "LeasedUntilUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_AgencyClients_ClientId",
                table: "AgencyClients",
                column: "ClientId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_AgencyClientSecrets_AgencyClientId",
                table: "AgencyClientSecrets",
                column: "AgencyClientId");

            migrationBuilder.CreateIndex(
                name: "IX_AnswerLetters_LetterNumber",
                table: "AnswerLetters",
                column: "LetterNumber",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_AnswerLetters_ProvinceId_JalaliYear_Sequence",
                table: "AnswerLetters",
                columns: new[] { "ProvinceId", "JalaliYear", "Sequence" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_AnswerLetters_RequestId",
                table: "AnswerLetters",
                column: "RequestId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_AnswerLetters_VerificationCode",
                table: "AnswerLetters",
                column: "VerificationCode",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_AnswerProposals_RequestId",
                table: "AnswerProposals",
                column: "RequestId");

            migrationBuilder.CreateIndex(
                name: "IX_CertificateChanges_CertificateId",
                table: "CertificateChanges",
                column: "CertificateId");

            migrationBuilder.CreateIndex(
                name: "IX_CertificateChanges_CorrectionId",
                table: "CertificateChanges",
                column: "CorrectionId");

            migrationBuilder.CreateIndex(
                name: "IX_CertificateCorrections_CertificateId",
                table: "CertificateCorrections",
                column: "CertificateId");

            migrationBuilder.CreateIndex(
                name: "IX_CertificateCorrections_HolderIdentifier",
                table: "CertificateCorrections",
                column: "HolderIdentifier");

            migrationBuilder.CreateIndex(
                name: "IX_CertificateCorrections_OpenKey",
                table: "CertificateCorrections",
                column: "OpenKey",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_CertificateCorrections_ProvinceId_Status",
                table: "CertificateCorrections",
                columns: new[] { "ProvinceId", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_CertificateCorrections_SubmissionKey",
                table: "CertificateCorrections",
                column: "SubmissionKey",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Certificates_Number",
                table: "Certificates",
                column: "Number",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Certificates_PersonId",
                table: "Certificates",
                column: "PersonId");

            migrationBuilder.CreateIndex(
                name: "IX_Certificates_VerificationCode",
                table: "Certificates",
                column: "VerificationCode",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_InquiryAudit_AgencyClientId_OccurredAtUtc",
                table: "InquiryAudit",
                columns: new[] { "AgencyClientId", "OccurredAtUtc" },
                filter: "\"AgencyClientId\" IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_InquiryAudit_CertificateId_OccurredAtUtc",
                table: "InquiryAudit",
                columns: new[] { "CertificateId", "OccurredAtUtc" },
                filter: "\"CertificateId\" IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_InquiryAudit_NationalCodeHash_OccurredAtUtc",
                table: "InquiryAudit",
                columns: new[] { "NationalCodeHash", "OccurredAtUtc" },
                filter: "\"NationalCodeHash\" IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_InquiryAudit_OccurredAtUtc",
                table: "InquiryAudit",
                column: "OccurredAtUtc");

            migrationBuilder.CreateIndex(
                name: "IX_InquiryAuditSegments_WrittenAtUtc",
                table: "InquiryAuditSegments",
                column: "WrittenAtUtc");

            migrationBuilder.CreateIndex(
                name: "IX_OpenIddictApplications_ClientId",
                table: "OpenIddictApplications",
                column: "ClientId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_OpenIddictAuthorizations_ApplicationId_Status_Subject_Type",
                table: "OpenIddictAuthorizations",
                columns: new[] { "ApplicationId", "Status", "Subject", "Type" });

            migrationBuilder.CreateIndex(
                name: "IX_OpenIddictScopes_Name",
                table: "OpenIddictScopes",
                column: "Name",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_OpenIddictTokens_ApplicationId_Status_Subject_Type",
                table: "OpenIddictTokens",
                columns: new[] { "ApplicationId", "Status", "Subject", "Type" });

            migrationBuilder.CreateIndex(
                name: "IX_OpenIddictTokens_ReferenceId",
                table: "OpenIddictTokens",
                column: "ReferenceId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Outbox_RequestId",
                table: "Outbox",
                column: "RequestId");

            migrationBuilder.CreateIndex(
                name: "IX_Outbox_SentAtUtc_NextAttemptAtUtc",
                table: "Outbox",
                columns: new[] { "SentAtUtc", "NextAttemptAtUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_PaperLetterRows_PaperLetterId_RowNumber",
                table: "PaperLetterRows",
                columns: new[] { "PaperLetterId", "RowNumber" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_PaperLetterRows_RequestId",
                table: "PaperLetterRows",
                column: "RequestId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_PaperLetters_AnswerLetterNumber",
                table: "PaperLetters",
                column: "AnswerLetterNumber",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_PaperLetters_ProvinceId_AgencyKey_AgencyLetterNumber",
                table: "PaperLetters",
                columns: new[] { "ProvinceId", "AgencyKey", "AgencyLetterNumber" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_PaperLetters_ProvinceId_AnswerJalaliYear_AnswerSequence",
                table: "PaperLetters",
                columns: new[] { "ProvinceId", "AnswerJalaliYear", "AnswerSequence" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_PaperLetters_ProvinceId_RegisteredAtUtc",
                table: "PaperLetters",
                columns: new[] { "ProvinceId", "RegisteredAtUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_PaperLetters_VerificationCode",
                table: "PaperLetters",
                column: "VerificationCode",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Payments_Gateway_Authority",
                table: "Payments",
                columns: new[] { "Gateway", "Authority" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Payments_Gateway_GatewayTransactionId",
                table: "Payments",
                columns: new[] { "Gateway", "GatewayTransactionId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Payments_RequestId",
                table: "Payments",
                column: "RequestId");

            migrationBuilder.CreateIndex(
                name: "IX_Payments_Status_CreatedAtUtc",
                table: "Payments",
                columns: new[] { "Status", "CreatedAtUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_People_NationalCode",
                table: "People",
                column: "NationalCode",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_PhoneVerifications_HolderKey_Mobile",
                table: "PhoneVerifications",
                columns: new[] { "HolderKey", "Mobile" });

            migrationBuilder.CreateIndex(
                name: "IX_PhoneVerifications_RequestId",
                table: "PhoneVerifications",
                column: "RequestId");

            migrationBuilder.CreateIndex(
                name: "IX_Provinces_Name",
                table: "Provinces",
                column: "Name",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_RequestDocuments_RequestId",
                table: "RequestDocuments",
                column: "RequestId");

            migrationBuilder.CreateIndex(
                name: "IX_RequestDocuments_StoredName",
                table: "RequestDocuments",
                column: "StoredName",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_RequestMessages_RequestId",
                table: "RequestMessages",
                column: "RequestId");

            migrationBuilder.CreateIndex(
                name: "IX_Requests_AccessKey",
                table: "Requests",
                column: "AccessKey",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Requests_NationalCode",
                table: "Requests",
                column: "NationalCode");

            migrationBuilder.CreateIndex(
                name: "IX_Requests_ProvinceId_Status",
                table: "Requests",
                columns: new[] { "ProvinceId", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_Requests_TrackingCode",
                table: "Requests",
                column: "TrackingCode",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_RequestTransitions_RequestId",
                table: "RequestTransitions",
                column: "RequestId");

            migrationBuilder.CreateIndex(
                name: "IX_ShareCodes_CodeHash",
                table: "ShareCodes",
                column: "CodeHash",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ShareCodes_PersonId_CreationKey",
                table: "ShareCodes",
                columns: new[] { "PersonId", "CreationKey" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_SmsCodeSends_Mobile_Sequence",
                table: "SmsCodeSends",
                columns: new[] { "Mobile", "Sequence" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_SpentClientAssertions_ExpiresAtUtc",
                table: "SpentClientAssertions",
                column: "ExpiresAtUtc");

            migrationBuilder.CreateIndex(
                name: "IX_StaffAudit_AtUtc",
                table: "StaffAudit",
                column: "AtUtc");

            migrationBuilder.CreateIndex(
                name: "IX_StaffAudit_SubjectType_SubjectId",
                table: "StaffAudit",
                columns: new[] { "SubjectType", "SubjectId" });

            migrationBuilder.CreateIndex(
                name: "IX_StaffAudit_UserId",
                table: "StaffAudit",
                column: "UserId");

            migrationBuilder.CreateIndex(
                name: "IX_StaffRoleClaims_RoleId",
                table: "StaffRoleClaims",
                column: "RoleId");

            migrationBuilder.CreateIndex(
                name: "RoleNameIndex",
                table: "StaffRoles",
                column: "NormalizedName",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_StaffUserClaims_UserId",
                table: "StaffUserClaims",
                column: "UserId");

            migrationBuilder.CreateIndex(
                name: "IX_StaffUserLogins_UserId",
                table: "StaffUserLogins",
                column: "UserId");

            migrationBuilder.CreateIndex(
                name: "IX_StaffUserRoles_RoleId",
                table: "StaffUserRoles",
                column: "RoleId");

            migrationBuilder.CreateIndex(
                name: "EmailIndex",
                table: "StaffUsers",
                column: "NormalizedEmail",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_StaffUsers_AgencyClientId",
                table: "StaffUsers",
                column: "AgencyClientId");

            migrationBuilder.CreateIndex(
                name: "UserNameIndex",
                table: "StaffUsers",
                column: "NormalizedUserName",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_TrainingStandards_Code",
                table: "TrainingStandards",
                column: "Code",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "AgencyAnswers");

            migrationBuilder.DropTable(
                name: "AgencyBatchFiles");

            migrationBuilder.DropTable(
                name: "AgencyBatchRows");

            migrationBuilder.DropTable(
                name: "AgencyClientSecrets");

            migrationBuilder.DropTable(
                name: "AgencyDailyUsage");

            migrationBuilder.DropTable(
                name: "AnswerLetters");

            migrationBuilder.DropTable(
                name: "AnswerProposals");

            migrationBuilder.DropTable(
                name: "CertificateChanges");

            migrationBuilder.DropTable(
                name: "DataProtectionKeys");

            migrationBuilder.DropTable(
                name: "FeeTariffs");

            migrationBuilder.DropTable(
                name: "InquiryAudit");

            migrationBuilder.DropTable(
                name: "InquiryAuditSegments");

            migrationBuilder.DropTable(
                name: "JobLeases");

            migrationBuilder.DropTable(
                name: "LetterSequences");

            migrationBuilder.DropTable(
                name: "OpenIddictScopes");

            migrationBuilder.DropTable(
                name: "OpenIddictTokens");

            migrationBuilder.DropTable(
                name: "Outbox");

            migrationBuilder.DropTable(
                name: "PaperLetterRows");

            migrationBuilder.DropTable(
                name: "Payments");

            migrationBuilder.DropTable(
                name: "PhoneVerifications");

            migrationBuilder.DropTable(
                name: "RequestDocuments");

            migrationBuilder.DropTable(
                name: "RequestMessages");

            migrationBuilder.DropTable(
                name: "RequestTransitions");

            migrationBuilder.DropTable(
                name: "ShareCodes");

            migrationBuilder.DropTable(
                name: "SmsCodeSends");

            migrationBuilder.DropTable(
                name: "SpentClientAssertions");

            migrationBuilder.DropTable(
                name: "StaffAudit");

            migrationBuilder.DropTable(
                name: "StaffRoleClaims");

            migrationBuilder.DropTable(
                name: "StaffUserClaims");

            migrationBuilder.DropTable(
                name: "StaffUserLogins");

            migrationBuilder.DropTable(
                name: "StaffUserRoles");

            migrationBuilder.DropTable(
                name: "StaffUserTokens");

            migrationBuilder.DropTable(
                name: "AgencyBatches");

            migrationBuilder.DropTable(
                name: "CertificateCorrections");

            migrationBuilder.DropTable(
                name: "OpenIddictAuthorizations");

            migrationBuilder.DropTable(
                name: "Requests");

            migrationBuilder.DropTable(
                name: "StaffRoles");

            migrationBuilder.DropTable(
                name: "StaffUsers");

            migrationBuilder.DropTable(
                name: "OpenIddictApplications");

            migrationBuilder.DropTable(
                name: "Certificates");

            migrationBuilder.DropTable(
                name: "PaperLetters");

            migrationBuilder.DropTable(
                name: "People");

            migrationBuilder.DropTable(
                name: "TrainingStandards");

            migrationBuilder.DropTable(
                name: "AgencyClients");

            migrationBuilder.DropTable(
                name: "Provinces");
        }
    }
}
