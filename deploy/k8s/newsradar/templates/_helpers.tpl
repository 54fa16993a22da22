{{/* The name of a service's objects: <release>-<service>, or just <service> when the release is called newsradar. */}}
{{- define "newsradar.name" -}}
{{- $root := index . 0 -}}{{- $svc := index . 1 -}}
{{- if eq $root.Release.Name "newsradar" -}}
{{- $svc.name -}}
{{- else -}}
{{- printf "%s-%s" $root.Release.Name $svc.name | trunc 63 | trimSuffix "-" -}}
{{- end -}}
{{- end -}}

{{/* Labels that select one service's pods. */}}
{{- define "newsradar.selectorLabels" -}}
{{- $root := index . 0 -}}{{- $svc := index . 1 -}}
app.kubernetes.io/name: {{ $svc.name }}
app.kubernetes.io/instance: {{ $root.Release.Name }}
{{- end -}}

{{/* Every label of one service's objects. */}}
{{- define "newsradar.labels" -}}
{{- $root := index . 0 -}}
{{ include "newsradar.selectorLabels" . }}
app.kubernetes.io/part-of: newsradar
app.kubernetes.io/version: {{ $root.Chart.AppVersion | quote }}
app.kubernetes.io/managed-by: {{ $root.Release.Service }}
helm.sh/chart: {{ printf "%s-%s" $root.Chart.Name $root.Chart.Version }}
{{- end -}}

{{/* The API-key Secret's name. */}}
{{- define "newsradar.apiKeySecret" -}}
{{- if .Values.apiKeys.existingSecret -}}
{{- .Values.apiKeys.existingSecret -}}
{{- else -}}
{{- printf "%s-api-keys" .Release.Name -}}
{{- end -}}
{{- end -}}

{{/* True when KEDA scales this service. */}}
{{- define "newsradar.kedaScaled" -}}
{{- $root := index . 0 -}}{{- $svc := index . 1 -}}
{{- if and $root.Values.keda.enabled $svc.autoscaling -}}true{{- end -}}
{{- end -}}
