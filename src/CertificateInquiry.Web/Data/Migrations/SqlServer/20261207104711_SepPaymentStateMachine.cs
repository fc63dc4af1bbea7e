using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CertificateInquiry.Web.Data.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class SepPaymentStateMachine : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTime>(
                name: "CallbackReceivedAtUtc",
                table: "Payments",
                type: "datetime2",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "GatewayTransactionId",
                table: "Payments",
                type: "varchar(64)",
                unicode: false,
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "TreasuryPaymentId",
                table: "Payments",
                type: "varchar(32)",
                unicode: false,
                maxLength: 32,
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_Payments_Gateway_GatewayTransactionId",
                table: "Payments",
                columns: new[] { "Gateway", "GatewayTransactionId" },
                unique: true,
                filter: "[GatewayTransactionId] IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_Payments_Status_CreatedAtUtc",
                table: "Payments",
                columns: new[] { "Status", "CreatedAtUtc" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Payments_Gateway_GatewayTransactionId",
                table: "Payments");

            migrationBuilder.DropIndex(
                name: "IX_Payments_Status_CreatedAtUtc",
                table: "Payments");

            migrationBuilder.DropColumn(
                name: "CallbackReceivedAtUtc",
                table: "Payments");

            migrationBuilder.DropColumn(
                name: "GatewayTransactionId",
                table: "Payments");

            migrationBuilder.DropColumn(
                name: "TreasuryPaymentId",
                table: "Payments");
        }
    }
}
