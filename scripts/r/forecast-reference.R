# Reference forecasts from R's forecast package for any data set in the shared format, to compare
# OpenFPA with R on the tuning sets and on sets derived from them (scripts/derive-forecast-set.mjs):
#   Rscript scripts/r/forecast-reference.R <dataset.json> <out-prefix> [ets,arima,theta]
# writes <out-prefix>-ets.json, -arima.json, -theta.json (mean, 80/95 intervals; each record's
# "method" is R's model name, e.g. "ETS(M,Ad,M)" or "ARIMA(0,1,1)(0,1,1)[12]"; ets records also
# carry loglik, aicc and par, the fitted parameters and initial states) and, when all three
# ran, -comb.json (the mean of the three point forecasts), each scored by shared/bench/score-forecast.mjs.
# The optional third argument runs only the listed methods (auto.arima is the slow one).
suppressPackageStartupMessages({ library(forecast); library(jsonlite) })
args <- commandArgs(trailingOnly = TRUE)
data <- fromJSON(args[1], simplifyVector = FALSE)
methods <- if (length(args) >= 3) strsplit(args[3], ",")[[1]] else c("ets", "arima", "theta")
h <- data$horizon
freq <- data$frequency
out <- list(ets = list(), arima = list(), theta = list(), comb = list())
pack <- function(id, f, method, extra) c(list(id = id, method = method, mean = as.numeric(f$mean),
  lo80 = as.numeric(f$lower[, 1]), hi80 = as.numeric(f$upper[, 1]),
  lo95 = as.numeric(f$lower[, 2]), hi95 = as.numeric(f$upper[, 2])), extra)
secs <- c(ets = 0, arima = 0, theta = 0)
fits <- list(
  ets = function(y) { m <- ets(y); list(f = forecast(m, h = h, level = c(80, 95)), name = m$method,
    extra = list(loglik = m$loglik, aicc = m$aicc, par = as.list(m$par))) },
  arima = function(y) { m <- auto.arima(y); list(f = forecast(m, h = h, level = c(80, 95)), name = as.character(m)) },
  theta = function(y) list(f = thetaf(y, h = h, level = c(80, 95)), name = "theta"))
for (s in data$series) {
  y <- ts(as.numeric(unlist(s$values)), frequency = freq)
  means <- list()
  for (k in methods) {
    a <- proc.time()
    r <- fits[[k]](y)
    b <- proc.time()
    secs[[k]] <- secs[[k]] + (b[["user.self"]] - a[["user.self"]]) + (b[["sys.self"]] - a[["sys.self"]])
    out[[k]][[length(out[[k]]) + 1]] <- pack(s$id, r$f, r$name, r$extra)
    means[[k]] <- as.numeric(r$f$mean)
  }
  if (length(means) == 3) out$comb[[length(out$comb) + 1]] <- list(id = s$id, mean = Reduce(`+`, means) / 3)
}
for (k in names(out)) if (length(out[[k]])) write_json(list(forecasts = out[[k]]), paste0(args[2], "-", k, ".json"), digits = NA, auto_unbox = TRUE)
cat(sprintf("CPU seconds: %s\n", paste(sprintf("%s %.1f", methods, secs[methods]), collapse = ", ")))
