#!/usr/bin/env Rscript
# Writes test/fixtures/forecast/arima/auto-arima.json: forecast::auto.arima(y) (R 4.2, forecast 8.20,
# all defaults) on a fixed sample of the shared tuning sets, for the order-selection test of
# src/forecast/arima-select.ts. Dev-time only. Run from the repository root:
#   Rscript scripts/r/make-auto-arima-fixtures.R [path/to/shared/data]
# (default: ../shared/data). The fixture stores each series' set, id and form (full training part,
# or its last 60 values as the recalculation benchmark uses), not the values themselves: the test
# reads them from the shared data.
#
# Sample: every 18th tourism-monthly series (21), every 31st M1 monthly series (20), every 21st
# tourism-quarterly series (21), and every 37th tourism-monthly series cut to its last 60 values (10).
suppressMessages({ library(forecast); library(jsonlite) })

args <- commandArgs(trailingOnly = TRUE)
data_dir <- if (length(args) >= 1) args[1] else "../shared/data"
out_file <- "test/fixtures/forecast/arima/auto-arima.json"

pick <- function(set, step, form, limit = Inf) {
  d <- fromJSON(file.path(data_dir, paste0(set, ".json")), simplifyVector = FALSE)
  idx <- seq(1, length(d$series), by = step)
  idx <- head(idx, limit)
  lapply(idx, function(i) {
    s <- d$series[[i]]
    v <- as.numeric(unlist(s$values))
    if (form == "last60") v <- tail(v, 60)
    list(set = set, id = s$id, form = form, frequency = d$frequency,
         horizon = if (form == "last60") 12 else d$horizon, values = v)
  })
}

sample <- c(pick("tourism-monthly", 18, "full"), pick("m1-monthly", 31, "full"),
            pick("tourism-quarterly", 21, "full"), pick("tourism-monthly", 37, "last60", 10))

out <- lapply(sample, function(s) {
  y <- ts(s$values, frequency = s$frequency)
  t0 <- proc.time()[["elapsed"]]
  fit <- auto.arima(y)
  seconds <- proc.time()[["elapsed"]] - t0
  a <- fit$arma  # p, q, P, Q, m, d, D
  cn <- names(fit$coef)
  constant <- if ("drift" %in% cn) "drift" else if ("intercept" %in% cn) "mean" else "none"
  fc <- forecast(fit, h = s$horizon, level = c(80, 95))
  D <- if (frequency(y) > 1 && length(y) > 2 * frequency(y)) nsdiffs(y) else 0
  dx <- if (D > 0) diff(y, lag = frequency(y)) else y
  list(set = s$set, id = s$id, form = s$form, frequency = s$frequency, horizon = s$horizon,
       length = length(y),
       model = forecast:::arima.string(fit, padding = FALSE),
       order = c(a[1], a[6], a[2], a[3], a[7], a[4]), constant = constant,
       coef = unname(as.numeric(fit$coef)), loglik = fit$loglik, aicc = fit$aicc, sigma2 = fit$sigma2,
       seasonalStrength = if (frequency(y) > 1 && length(y) > 2 * frequency(y)) forecast:::seas.heuristic(y) else NULL,
       nsdiffs = D, ndiffs = ndiffs(dx),
       mean = as.numeric(fc$mean), lo95 = as.numeric(fc$lower[, 2]), hi95 = as.numeric(fc$upper[, 2]),
       seconds = seconds)
})
write_json(out, out_file, digits = NA, auto_unbox = TRUE, pretty = FALSE)
cat("wrote", length(out), "auto.arima fits to", out_file, "\n")
