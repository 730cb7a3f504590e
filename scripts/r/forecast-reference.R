# Reference forecasts from R's forecast package for any data set in the shared format, to compare
# OpenFPA with R on sets other than the tuning set (e.g. those of scripts/derive-forecast-set.mjs):
#   Rscript scripts/r/forecast-reference.R <dataset.json> <out-prefix>
# writes <out-prefix>-ets.json, -arima.json, -theta.json (mean, 80/95 intervals) and -comb.json
# (the mean of the three point forecasts), each scored by shared/bench/score-forecast.mjs.
suppressPackageStartupMessages({ library(forecast); library(jsonlite) })
args <- commandArgs(trailingOnly = TRUE)
data <- fromJSON(args[1], simplifyVector = FALSE)
h <- data$horizon
freq <- data$frequency
out <- list(ets = list(), arima = list(), theta = list(), comb = list())
pack <- function(id, f) list(id = id, mean = as.numeric(f$mean),
  lo80 = as.numeric(f$lower[, 1]), hi80 = as.numeric(f$upper[, 1]),
  lo95 = as.numeric(f$lower[, 2]), hi95 = as.numeric(f$upper[, 2]))
t0 <- proc.time()[["elapsed"]]
secs <- c(ets = 0, arima = 0, theta = 0)
for (s in data$series) {
  y <- ts(as.numeric(unlist(s$values)), frequency = freq)
  a <- proc.time()[["elapsed"]]; fe <- forecast(ets(y), h = h, level = c(80, 95)); b <- proc.time()[["elapsed"]]
  fa <- forecast(auto.arima(y), h = h, level = c(80, 95)); c2 <- proc.time()[["elapsed"]]
  ft <- thetaf(y, h = h, level = c(80, 95)); d <- proc.time()[["elapsed"]]
  secs <- secs + c(b - a, c2 - b, d - c2)
  out$ets[[length(out$ets) + 1]] <- pack(s$id, fe)
  out$arima[[length(out$arima) + 1]] <- pack(s$id, fa)
  out$theta[[length(out$theta) + 1]] <- pack(s$id, ft)
  out$comb[[length(out$comb) + 1]] <- list(id = s$id, mean = (as.numeric(fe$mean) + as.numeric(fa$mean) + as.numeric(ft$mean)) / 3)
}
for (k in names(out)) write_json(list(forecasts = out[[k]]), paste0(args[2], "-", k, ".json"), digits = NA, auto_unbox = TRUE)
cat(sprintf("seconds: ets %.1f, auto.arima %.1f, thetaf %.1f, total %.1f\n", secs[["ets"]], secs[["arima"]], secs[["theta"]], proc.time()[["elapsed"]] - t0))
