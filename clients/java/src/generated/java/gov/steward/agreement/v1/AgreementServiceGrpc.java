package gov.steward.agreement.v1;

import static io.grpc.MethodDescriptor.generateFullMethodName;

/**
 * <pre>
 * Agreement (协议): assisted-handling agreements, the project's 1 + 1 + N team (a steward, the
 * enterprise's contact, a liaison per department) and the agent plan (代办计划).
 * </pre>
 */
@io.grpc.stub.annotations.GrpcGenerated
public final class AgreementServiceGrpc {

  private AgreementServiceGrpc() {}

  public static final java.lang.String SERVICE_NAME = "steward.agreement.v1.AgreementService";

  // Static method descriptors that strictly reflect the proto.
  private static volatile io.grpc.MethodDescriptor<gov.steward.agreement.v1.GetAgreementRequest,
      gov.steward.agreement.v1.GetAgreementResponse> getGetAgreementMethod;

  @io.grpc.stub.annotations.RpcMethod(
      fullMethodName = SERVICE_NAME + '/' + "GetAgreement",
      requestType = gov.steward.agreement.v1.GetAgreementRequest.class,
      responseType = gov.steward.agreement.v1.GetAgreementResponse.class,
      methodType = io.grpc.MethodDescriptor.MethodType.UNARY)
  public static io.grpc.MethodDescriptor<gov.steward.agreement.v1.GetAgreementRequest,
      gov.steward.agreement.v1.GetAgreementResponse> getGetAgreementMethod() {
    io.grpc.MethodDescriptor<gov.steward.agreement.v1.GetAgreementRequest, gov.steward.agreement.v1.GetAgreementResponse> getGetAgreementMethod;
    if ((getGetAgreementMethod = AgreementServiceGrpc.getGetAgreementMethod) == null) {
      synchronized (AgreementServiceGrpc.class) {
        if ((getGetAgreementMethod = AgreementServiceGrpc.getGetAgreementMethod) == null) {
          AgreementServiceGrpc.getGetAgreementMethod = getGetAgreementMethod =
              io.grpc.MethodDescriptor.<gov.steward.agreement.v1.GetAgreementRequest, gov.steward.agreement.v1.GetAgreementResponse>newBuilder()
              .setType(io.grpc.MethodDescriptor.MethodType.UNARY)
              .setFullMethodName(generateFullMethodName(SERVICE_NAME, "GetAgreement"))
              .setSampledToLocalTracing(true)
              .setRequestMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  gov.steward.agreement.v1.GetAgreementRequest.getDefaultInstance()))
              .setResponseMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  gov.steward.agreement.v1.GetAgreementResponse.getDefaultInstance()))
              .setSchemaDescriptor(new AgreementServiceMethodDescriptorSupplier("GetAgreement"))
              .build();
        }
      }
    }
    return getGetAgreementMethod;
  }

  private static volatile io.grpc.MethodDescriptor<gov.steward.agreement.v1.ListAgreementsRequest,
      gov.steward.agreement.v1.ListAgreementsResponse> getListAgreementsMethod;

  @io.grpc.stub.annotations.RpcMethod(
      fullMethodName = SERVICE_NAME + '/' + "ListAgreements",
      requestType = gov.steward.agreement.v1.ListAgreementsRequest.class,
      responseType = gov.steward.agreement.v1.ListAgreementsResponse.class,
      methodType = io.grpc.MethodDescriptor.MethodType.UNARY)
  public static io.grpc.MethodDescriptor<gov.steward.agreement.v1.ListAgreementsRequest,
      gov.steward.agreement.v1.ListAgreementsResponse> getListAgreementsMethod() {
    io.grpc.MethodDescriptor<gov.steward.agreement.v1.ListAgreementsRequest, gov.steward.agreement.v1.ListAgreementsResponse> getListAgreementsMethod;
    if ((getListAgreementsMethod = AgreementServiceGrpc.getListAgreementsMethod) == null) {
      synchronized (AgreementServiceGrpc.class) {
        if ((getListAgreementsMethod = AgreementServiceGrpc.getListAgreementsMethod) == null) {
          AgreementServiceGrpc.getListAgreementsMethod = getListAgreementsMethod =
              io.grpc.MethodDescriptor.<gov.steward.agreement.v1.ListAgreementsRequest, gov.steward.agreement.v1.ListAgreementsResponse>newBuilder()
              .setType(io.grpc.MethodDescriptor.MethodType.UNARY)
              .setFullMethodName(generateFullMethodName(SERVICE_NAME, "ListAgreements"))
              .setSampledToLocalTracing(true)
              .setRequestMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  gov.steward.agreement.v1.ListAgreementsRequest.getDefaultInstance()))
              .setResponseMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  gov.steward.agreement.v1.ListAgreementsResponse.getDefaultInstance()))
              .setSchemaDescriptor(new AgreementServiceMethodDescriptorSupplier("ListAgreements"))
              .build();
        }
      }
    }
    return getListAgreementsMethod;
  }

  private static volatile io.grpc.MethodDescriptor<gov.steward.agreement.v1.SignAgreementRequest,
      gov.steward.agreement.v1.SignAgreementResponse> getSignAgreementMethod;

  @io.grpc.stub.annotations.RpcMethod(
      fullMethodName = SERVICE_NAME + '/' + "SignAgreement",
      requestType = gov.steward.agreement.v1.SignAgreementRequest.class,
      responseType = gov.steward.agreement.v1.SignAgreementResponse.class,
      methodType = io.grpc.MethodDescriptor.MethodType.UNARY)
  public static io.grpc.MethodDescriptor<gov.steward.agreement.v1.SignAgreementRequest,
      gov.steward.agreement.v1.SignAgreementResponse> getSignAgreementMethod() {
    io.grpc.MethodDescriptor<gov.steward.agreement.v1.SignAgreementRequest, gov.steward.agreement.v1.SignAgreementResponse> getSignAgreementMethod;
    if ((getSignAgreementMethod = AgreementServiceGrpc.getSignAgreementMethod) == null) {
      synchronized (AgreementServiceGrpc.class) {
        if ((getSignAgreementMethod = AgreementServiceGrpc.getSignAgreementMethod) == null) {
          AgreementServiceGrpc.getSignAgreementMethod = getSignAgreementMethod =
              io.grpc.MethodDescriptor.<gov.steward.agreement.v1.SignAgreementRequest, gov.steward.agreement.v1.SignAgreementResponse>newBuilder()
              .setType(io.grpc.MethodDescriptor.MethodType.UNARY)
              .setFullMethodName(generateFullMethodName(SERVICE_NAME, "SignAgreement"))
              .setSampledToLocalTracing(true)
              .setRequestMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  gov.steward.agreement.v1.SignAgreementRequest.getDefaultInstance()))
              .setResponseMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  gov.steward.agreement.v1.SignAgreementResponse.getDefaultInstance()))
              .setSchemaDescriptor(new AgreementServiceMethodDescriptorSupplier("SignAgreement"))
              .build();
        }
      }
    }
    return getSignAgreementMethod;
  }

  private static volatile io.grpc.MethodDescriptor<gov.steward.agreement.v1.TerminateAgreementRequest,
      gov.steward.agreement.v1.TerminateAgreementResponse> getTerminateAgreementMethod;

  @io.grpc.stub.annotations.RpcMethod(
      fullMethodName = SERVICE_NAME + '/' + "TerminateAgreement",
      requestType = gov.steward.agreement.v1.TerminateAgreementRequest.class,
      responseType = gov.steward.agreement.v1.TerminateAgreementResponse.class,
      methodType = io.grpc.MethodDescriptor.MethodType.UNARY)
  public static io.grpc.MethodDescriptor<gov.steward.agreement.v1.TerminateAgreementRequest,
      gov.steward.agreement.v1.TerminateAgreementResponse> getTerminateAgreementMethod() {
    io.grpc.MethodDescriptor<gov.steward.agreement.v1.TerminateAgreementRequest, gov.steward.agreement.v1.TerminateAgreementResponse> getTerminateAgreementMethod;
    if ((getTerminateAgreementMethod = AgreementServiceGrpc.getTerminateAgreementMethod) == null) {
      synchronized (AgreementServiceGrpc.class) {
        if ((getTerminateAgreementMethod = AgreementServiceGrpc.getTerminateAgreementMethod) == null) {
          AgreementServiceGrpc.getTerminateAgreementMethod = getTerminateAgreementMethod =
              io.grpc.MethodDescriptor.<gov.steward.agreement.v1.TerminateAgreementRequest, gov.steward.agreement.v1.TerminateAgreementResponse>newBuilder()
              .setType(io.grpc.MethodDescriptor.MethodType.UNARY)
              .setFullMethodName(generateFullMethodName(SERVICE_NAME, "TerminateAgreement"))
              .setSampledToLocalTracing(true)
              .setRequestMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  gov.steward.agreement.v1.TerminateAgreementRequest.getDefaultInstance()))
              .setResponseMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  gov.steward.agreement.v1.TerminateAgreementResponse.getDefaultInstance()))
              .setSchemaDescriptor(new AgreementServiceMethodDescriptorSupplier("TerminateAgreement"))
              .build();
        }
      }
    }
    return getTerminateAgreementMethod;
  }

  private static volatile io.grpc.MethodDescriptor<gov.steward.agreement.v1.RegisterStewardRequest,
      gov.steward.agreement.v1.RegisterStewardResponse> getRegisterStewardMethod;

  @io.grpc.stub.annotations.RpcMethod(
      fullMethodName = SERVICE_NAME + '/' + "RegisterSteward",
      requestType = gov.steward.agreement.v1.RegisterStewardRequest.class,
      responseType = gov.steward.agreement.v1.RegisterStewardResponse.class,
      methodType = io.grpc.MethodDescriptor.MethodType.UNARY)
  public static io.grpc.MethodDescriptor<gov.steward.agreement.v1.RegisterStewardRequest,
      gov.steward.agreement.v1.RegisterStewardResponse> getRegisterStewardMethod() {
    io.grpc.MethodDescriptor<gov.steward.agreement.v1.RegisterStewardRequest, gov.steward.agreement.v1.RegisterStewardResponse> getRegisterStewardMethod;
    if ((getRegisterStewardMethod = AgreementServiceGrpc.getRegisterStewardMethod) == null) {
      synchronized (AgreementServiceGrpc.class) {
        if ((getRegisterStewardMethod = AgreementServiceGrpc.getRegisterStewardMethod) == null) {
          AgreementServiceGrpc.getRegisterStewardMethod = getRegisterStewardMethod =
              io.grpc.MethodDescriptor.<gov.steward.agreement.v1.RegisterStewardRequest, gov.steward.agreement.v1.RegisterStewardResponse>newBuilder()
              .setType(io.grpc.MethodDescriptor.MethodType.UNARY)
              .setFullMethodName(generateFullMethodName(SERVICE_NAME, "RegisterSteward"))
              .setSampledToLocalTracing(true)
              .setRequestMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  gov.steward.agreement.v1.RegisterStewardRequest.getDefaultInstance()))
              .setResponseMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  gov.steward.agreement.v1.RegisterStewardResponse.getDefaultInstance()))
              .setSchemaDescriptor(new AgreementServiceMethodDescriptorSupplier("RegisterSteward"))
              .build();
        }
      }
    }
    return getRegisterStewardMethod;
  }

  private static volatile io.grpc.MethodDescriptor<gov.steward.agreement.v1.ListStewardsRequest,
      gov.steward.agreement.v1.ListStewardsResponse> getListStewardsMethod;

  @io.grpc.stub.annotations.RpcMethod(
      fullMethodName = SERVICE_NAME + '/' + "ListStewards",
      requestType = gov.steward.agreement.v1.ListStewardsRequest.class,
      responseType = gov.steward.agreement.v1.ListStewardsResponse.class,
      methodType = io.grpc.MethodDescriptor.MethodType.UNARY)
  public static io.grpc.MethodDescriptor<gov.steward.agreement.v1.ListStewardsRequest,
      gov.steward.agreement.v1.ListStewardsResponse> getListStewardsMethod() {
    io.grpc.MethodDescriptor<gov.steward.agreement.v1.ListStewardsRequest, gov.steward.agreement.v1.ListStewardsResponse> getListStewardsMethod;
    if ((getListStewardsMethod = AgreementServiceGrpc.getListStewardsMethod) == null) {
      synchronized (AgreementServiceGrpc.class) {
        if ((getListStewardsMethod = AgreementServiceGrpc.getListStewardsMethod) == null) {
          AgreementServiceGrpc.getListStewardsMethod = getListStewardsMethod =
              io.grpc.MethodDescriptor.<gov.steward.agreement.v1.ListStewardsRequest, gov.steward.agreement.v1.ListStewardsResponse>newBuilder()
              .setType(io.grpc.MethodDescriptor.MethodType.UNARY)
              .setFullMethodName(generateFullMethodName(SERVICE_NAME, "ListStewards"))
              .setSampledToLocalTracing(true)
              .setRequestMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  gov.steward.agreement.v1.ListStewardsRequest.getDefaultInstance()))
              .setResponseMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  gov.steward.agreement.v1.ListStewardsResponse.getDefaultInstance()))
              .setSchemaDescriptor(new AgreementServiceMethodDescriptorSupplier("ListStewards"))
              .build();
        }
      }
    }
    return getListStewardsMethod;
  }

  private static volatile io.grpc.MethodDescriptor<gov.steward.agreement.v1.RetireStewardRequest,
      gov.steward.agreement.v1.RetireStewardResponse> getRetireStewardMethod;

  @io.grpc.stub.annotations.RpcMethod(
      fullMethodName = SERVICE_NAME + '/' + "RetireSteward",
      requestType = gov.steward.agreement.v1.RetireStewardRequest.class,
      responseType = gov.steward.agreement.v1.RetireStewardResponse.class,
      methodType = io.grpc.MethodDescriptor.MethodType.UNARY)
  public static io.grpc.MethodDescriptor<gov.steward.agreement.v1.RetireStewardRequest,
      gov.steward.agreement.v1.RetireStewardResponse> getRetireStewardMethod() {
    io.grpc.MethodDescriptor<gov.steward.agreement.v1.RetireStewardRequest, gov.steward.agreement.v1.RetireStewardResponse> getRetireStewardMethod;
    if ((getRetireStewardMethod = AgreementServiceGrpc.getRetireStewardMethod) == null) {
      synchronized (AgreementServiceGrpc.class) {
        if ((getRetireStewardMethod = AgreementServiceGrpc.getRetireStewardMethod) == null) {
          AgreementServiceGrpc.getRetireStewardMethod = getRetireStewardMethod =
              io.grpc.MethodDescriptor.<gov.steward.agreement.v1.RetireStewardRequest, gov.steward.agreement.v1.RetireStewardResponse>newBuilder()
              .setType(io.grpc.MethodDescriptor.MethodType.UNARY)
              .setFullMethodName(generateFullMethodName(SERVICE_NAME, "RetireSteward"))
              .setSampledToLocalTracing(true)
              .setRequestMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  gov.steward.agreement.v1.RetireStewardRequest.getDefaultInstance()))
              .setResponseMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  gov.steward.agreement.v1.RetireStewardResponse.getDefaultInstance()))
              .setSchemaDescriptor(new AgreementServiceMethodDescriptorSupplier("RetireSteward"))
              .build();
        }
      }
    }
    return getRetireStewardMethod;
  }

  private static volatile io.grpc.MethodDescriptor<gov.steward.agreement.v1.SuggestStewardRequest,
      gov.steward.agreement.v1.SuggestStewardResponse> getSuggestStewardMethod;

  @io.grpc.stub.annotations.RpcMethod(
      fullMethodName = SERVICE_NAME + '/' + "SuggestSteward",
      requestType = gov.steward.agreement.v1.SuggestStewardRequest.class,
      responseType = gov.steward.agreement.v1.SuggestStewardResponse.class,
      methodType = io.grpc.MethodDescriptor.MethodType.UNARY)
  public static io.grpc.MethodDescriptor<gov.steward.agreement.v1.SuggestStewardRequest,
      gov.steward.agreement.v1.SuggestStewardResponse> getSuggestStewardMethod() {
    io.grpc.MethodDescriptor<gov.steward.agreement.v1.SuggestStewardRequest, gov.steward.agreement.v1.SuggestStewardResponse> getSuggestStewardMethod;
    if ((getSuggestStewardMethod = AgreementServiceGrpc.getSuggestStewardMethod) == null) {
      synchronized (AgreementServiceGrpc.class) {
        if ((getSuggestStewardMethod = AgreementServiceGrpc.getSuggestStewardMethod) == null) {
          AgreementServiceGrpc.getSuggestStewardMethod = getSuggestStewardMethod =
              io.grpc.MethodDescriptor.<gov.steward.agreement.v1.SuggestStewardRequest, gov.steward.agreement.v1.SuggestStewardResponse>newBuilder()
              .setType(io.grpc.MethodDescriptor.MethodType.UNARY)
              .setFullMethodName(generateFullMethodName(SERVICE_NAME, "SuggestSteward"))
              .setSampledToLocalTracing(true)
              .setRequestMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  gov.steward.agreement.v1.SuggestStewardRequest.getDefaultInstance()))
              .setResponseMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  gov.steward.agreement.v1.SuggestStewardResponse.getDefaultInstance()))
              .setSchemaDescriptor(new AgreementServiceMethodDescriptorSupplier("SuggestSteward"))
              .build();
        }
      }
    }
    return getSuggestStewardMethod;
  }

  private static volatile io.grpc.MethodDescriptor<gov.steward.agreement.v1.AssignStewardRequest,
      gov.steward.agreement.v1.AssignStewardResponse> getAssignStewardMethod;

  @io.grpc.stub.annotations.RpcMethod(
      fullMethodName = SERVICE_NAME + '/' + "AssignSteward",
      requestType = gov.steward.agreement.v1.AssignStewardRequest.class,
      responseType = gov.steward.agreement.v1.AssignStewardResponse.class,
      methodType = io.grpc.MethodDescriptor.MethodType.UNARY)
  public static io.grpc.MethodDescriptor<gov.steward.agreement.v1.AssignStewardRequest,
      gov.steward.agreement.v1.AssignStewardResponse> getAssignStewardMethod() {
    io.grpc.MethodDescriptor<gov.steward.agreement.v1.AssignStewardRequest, gov.steward.agreement.v1.AssignStewardResponse> getAssignStewardMethod;
    if ((getAssignStewardMethod = AgreementServiceGrpc.getAssignStewardMethod) == null) {
      synchronized (AgreementServiceGrpc.class) {
        if ((getAssignStewardMethod = AgreementServiceGrpc.getAssignStewardMethod) == null) {
          AgreementServiceGrpc.getAssignStewardMethod = getAssignStewardMethod =
              io.grpc.MethodDescriptor.<gov.steward.agreement.v1.AssignStewardRequest, gov.steward.agreement.v1.AssignStewardResponse>newBuilder()
              .setType(io.grpc.MethodDescriptor.MethodType.UNARY)
              .setFullMethodName(generateFullMethodName(SERVICE_NAME, "AssignSteward"))
              .setSampledToLocalTracing(true)
              .setRequestMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  gov.steward.agreement.v1.AssignStewardRequest.getDefaultInstance()))
              .setResponseMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  gov.steward.agreement.v1.AssignStewardResponse.getDefaultInstance()))
              .setSchemaDescriptor(new AgreementServiceMethodDescriptorSupplier("AssignSteward"))
              .build();
        }
      }
    }
    return getAssignStewardMethod;
  }

  private static volatile io.grpc.MethodDescriptor<gov.steward.agreement.v1.ReleaseStewardRequest,
      gov.steward.agreement.v1.ReleaseStewardResponse> getReleaseStewardMethod;

  @io.grpc.stub.annotations.RpcMethod(
      fullMethodName = SERVICE_NAME + '/' + "ReleaseSteward",
      requestType = gov.steward.agreement.v1.ReleaseStewardRequest.class,
      responseType = gov.steward.agreement.v1.ReleaseStewardResponse.class,
      methodType = io.grpc.MethodDescriptor.MethodType.UNARY)
  public static io.grpc.MethodDescriptor<gov.steward.agreement.v1.ReleaseStewardRequest,
      gov.steward.agreement.v1.ReleaseStewardResponse> getReleaseStewardMethod() {
    io.grpc.MethodDescriptor<gov.steward.agreement.v1.ReleaseStewardRequest, gov.steward.agreement.v1.ReleaseStewardResponse> getReleaseStewardMethod;
    if ((getReleaseStewardMethod = AgreementServiceGrpc.getReleaseStewardMethod) == null) {
      synchronized (AgreementServiceGrpc.class) {
        if ((getReleaseStewardMethod = AgreementServiceGrpc.getReleaseStewardMethod) == null) {
          AgreementServiceGrpc.getReleaseStewardMethod = getReleaseStewardMethod =
              io.grpc.MethodDescriptor.<gov.steward.agreement.v1.ReleaseStewardRequest, gov.steward.agreement.v1.ReleaseStewardResponse>newBuilder()
              .setType(io.grpc.MethodDescriptor.MethodType.UNARY)
              .setFullMethodName(generateFullMethodName(SERVICE_NAME, "ReleaseSteward"))
              .setSampledToLocalTracing(true)
              .setRequestMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  gov.steward.agreement.v1.ReleaseStewardRequest.getDefaultInstance()))
              .setResponseMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  gov.steward.agreement.v1.ReleaseStewardResponse.getDefaultInstance()))
              .setSchemaDescriptor(new AgreementServiceMethodDescriptorSupplier("ReleaseSteward"))
              .build();
        }
      }
    }
    return getReleaseStewardMethod;
  }

  private static volatile io.grpc.MethodDescriptor<gov.steward.agreement.v1.AssignLiaisonRequest,
      gov.steward.agreement.v1.AssignLiaisonResponse> getAssignLiaisonMethod;

  @io.grpc.stub.annotations.RpcMethod(
      fullMethodName = SERVICE_NAME + '/' + "AssignLiaison",
      requestType = gov.steward.agreement.v1.AssignLiaisonRequest.class,
      responseType = gov.steward.agreement.v1.AssignLiaisonResponse.class,
      methodType = io.grpc.MethodDescriptor.MethodType.UNARY)
  public static io.grpc.MethodDescriptor<gov.steward.agreement.v1.AssignLiaisonRequest,
      gov.steward.agreement.v1.AssignLiaisonResponse> getAssignLiaisonMethod() {
    io.grpc.MethodDescriptor<gov.steward.agreement.v1.AssignLiaisonRequest, gov.steward.agreement.v1.AssignLiaisonResponse> getAssignLiaisonMethod;
    if ((getAssignLiaisonMethod = AgreementServiceGrpc.getAssignLiaisonMethod) == null) {
      synchronized (AgreementServiceGrpc.class) {
        if ((getAssignLiaisonMethod = AgreementServiceGrpc.getAssignLiaisonMethod) == null) {
          AgreementServiceGrpc.getAssignLiaisonMethod = getAssignLiaisonMethod =
              io.grpc.MethodDescriptor.<gov.steward.agreement.v1.AssignLiaisonRequest, gov.steward.agreement.v1.AssignLiaisonResponse>newBuilder()
              .setType(io.grpc.MethodDescriptor.MethodType.UNARY)
              .setFullMethodName(generateFullMethodName(SERVICE_NAME, "AssignLiaison"))
              .setSampledToLocalTracing(true)
              .setRequestMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  gov.steward.agreement.v1.AssignLiaisonRequest.getDefaultInstance()))
              .setResponseMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  gov.steward.agreement.v1.AssignLiaisonResponse.getDefaultInstance()))
              .setSchemaDescriptor(new AgreementServiceMethodDescriptorSupplier("AssignLiaison"))
              .build();
        }
      }
    }
    return getAssignLiaisonMethod;
  }

  private static volatile io.grpc.MethodDescriptor<gov.steward.agreement.v1.GetTeamRequest,
      gov.steward.agreement.v1.GetTeamResponse> getGetTeamMethod;

  @io.grpc.stub.annotations.RpcMethod(
      fullMethodName = SERVICE_NAME + '/' + "GetTeam",
      requestType = gov.steward.agreement.v1.GetTeamRequest.class,
      responseType = gov.steward.agreement.v1.GetTeamResponse.class,
      methodType = io.grpc.MethodDescriptor.MethodType.UNARY)
  public static io.grpc.MethodDescriptor<gov.steward.agreement.v1.GetTeamRequest,
      gov.steward.agreement.v1.GetTeamResponse> getGetTeamMethod() {
    io.grpc.MethodDescriptor<gov.steward.agreement.v1.GetTeamRequest, gov.steward.agreement.v1.GetTeamResponse> getGetTeamMethod;
    if ((getGetTeamMethod = AgreementServiceGrpc.getGetTeamMethod) == null) {
      synchronized (AgreementServiceGrpc.class) {
        if ((getGetTeamMethod = AgreementServiceGrpc.getGetTeamMethod) == null) {
          AgreementServiceGrpc.getGetTeamMethod = getGetTeamMethod =
              io.grpc.MethodDescriptor.<gov.steward.agreement.v1.GetTeamRequest, gov.steward.agreement.v1.GetTeamResponse>newBuilder()
              .setType(io.grpc.MethodDescriptor.MethodType.UNARY)
              .setFullMethodName(generateFullMethodName(SERVICE_NAME, "GetTeam"))
              .setSampledToLocalTracing(true)
              .setRequestMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  gov.steward.agreement.v1.GetTeamRequest.getDefaultInstance()))
              .setResponseMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  gov.steward.agreement.v1.GetTeamResponse.getDefaultInstance()))
              .setSchemaDescriptor(new AgreementServiceMethodDescriptorSupplier("GetTeam"))
              .build();
        }
      }
    }
    return getGetTeamMethod;
  }

  private static volatile io.grpc.MethodDescriptor<gov.steward.agreement.v1.DraftPlanRequest,
      gov.steward.agreement.v1.DraftPlanResponse> getDraftPlanMethod;

  @io.grpc.stub.annotations.RpcMethod(
      fullMethodName = SERVICE_NAME + '/' + "DraftPlan",
      requestType = gov.steward.agreement.v1.DraftPlanRequest.class,
      responseType = gov.steward.agreement.v1.DraftPlanResponse.class,
      methodType = io.grpc.MethodDescriptor.MethodType.UNARY)
  public static io.grpc.MethodDescriptor<gov.steward.agreement.v1.DraftPlanRequest,
      gov.steward.agreement.v1.DraftPlanResponse> getDraftPlanMethod() {
    io.grpc.MethodDescriptor<gov.steward.agreement.v1.DraftPlanRequest, gov.steward.agreement.v1.DraftPlanResponse> getDraftPlanMethod;
    if ((getDraftPlanMethod = AgreementServiceGrpc.getDraftPlanMethod) == null) {
      synchronized (AgreementServiceGrpc.class) {
        if ((getDraftPlanMethod = AgreementServiceGrpc.getDraftPlanMethod) == null) {
          AgreementServiceGrpc.getDraftPlanMethod = getDraftPlanMethod =
              io.grpc.MethodDescriptor.<gov.steward.agreement.v1.DraftPlanRequest, gov.steward.agreement.v1.DraftPlanResponse>newBuilder()
              .setType(io.grpc.MethodDescriptor.MethodType.UNARY)
              .setFullMethodName(generateFullMethodName(SERVICE_NAME, "DraftPlan"))
              .setSampledToLocalTracing(true)
              .setRequestMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  gov.steward.agreement.v1.DraftPlanRequest.getDefaultInstance()))
              .setResponseMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  gov.steward.agreement.v1.DraftPlanResponse.getDefaultInstance()))
              .setSchemaDescriptor(new AgreementServiceMethodDescriptorSupplier("DraftPlan"))
              .build();
        }
      }
    }
    return getDraftPlanMethod;
  }

  private static volatile io.grpc.MethodDescriptor<gov.steward.agreement.v1.ReviewPlanRequest,
      gov.steward.agreement.v1.ReviewPlanResponse> getReviewPlanMethod;

  @io.grpc.stub.annotations.RpcMethod(
      fullMethodName = SERVICE_NAME + '/' + "ReviewPlan",
      requestType = gov.steward.agreement.v1.ReviewPlanRequest.class,
      responseType = gov.steward.agreement.v1.ReviewPlanResponse.class,
      methodType = io.grpc.MethodDescriptor.MethodType.UNARY)
  public static io.grpc.MethodDescriptor<gov.steward.agreement.v1.ReviewPlanRequest,
      gov.steward.agreement.v1.ReviewPlanResponse> getReviewPlanMethod() {
    io.grpc.MethodDescriptor<gov.steward.agreement.v1.ReviewPlanRequest, gov.steward.agreement.v1.ReviewPlanResponse> getReviewPlanMethod;
    if ((getReviewPlanMethod = AgreementServiceGrpc.getReviewPlanMethod) == null) {
      synchronized (AgreementServiceGrpc.class) {
        if ((getReviewPlanMethod = AgreementServiceGrpc.getReviewPlanMethod) == null) {
          AgreementServiceGrpc.getReviewPlanMethod = getReviewPlanMethod =
              io.grpc.MethodDescriptor.<gov.steward.agreement.v1.ReviewPlanRequest, gov.steward.agreement.v1.ReviewPlanResponse>newBuilder()
              .setType(io.grpc.MethodDescriptor.MethodType.UNARY)
              .setFullMethodName(generateFullMethodName(SERVICE_NAME, "ReviewPlan"))
              .setSampledToLocalTracing(true)
              .setRequestMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  gov.steward.agreement.v1.ReviewPlanRequest.getDefaultInstance()))
              .setResponseMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  gov.steward.agreement.v1.ReviewPlanResponse.getDefaultInstance()))
              .setSchemaDescriptor(new AgreementServiceMethodDescriptorSupplier("ReviewPlan"))
              .build();
        }
      }
    }
    return getReviewPlanMethod;
  }

  private static volatile io.grpc.MethodDescriptor<gov.steward.agreement.v1.ApprovePlanRequest,
      gov.steward.agreement.v1.ApprovePlanResponse> getApprovePlanMethod;

  @io.grpc.stub.annotations.RpcMethod(
      fullMethodName = SERVICE_NAME + '/' + "ApprovePlan",
      requestType = gov.steward.agreement.v1.ApprovePlanRequest.class,
      responseType = gov.steward.agreement.v1.ApprovePlanResponse.class,
      methodType = io.grpc.MethodDescriptor.MethodType.UNARY)
  public static io.grpc.MethodDescriptor<gov.steward.agreement.v1.ApprovePlanRequest,
      gov.steward.agreement.v1.ApprovePlanResponse> getApprovePlanMethod() {
    io.grpc.MethodDescriptor<gov.steward.agreement.v1.ApprovePlanRequest, gov.steward.agreement.v1.ApprovePlanResponse> getApprovePlanMethod;
    if ((getApprovePlanMethod = AgreementServiceGrpc.getApprovePlanMethod) == null) {
      synchronized (AgreementServiceGrpc.class) {
        if ((getApprovePlanMethod = AgreementServiceGrpc.getApprovePlanMethod) == null) {
          AgreementServiceGrpc.getApprovePlanMethod = getApprovePlanMethod =
              io.grpc.MethodDescriptor.<gov.steward.agreement.v1.ApprovePlanRequest, gov.steward.agreement.v1.ApprovePlanResponse>newBuilder()
              .setType(io.grpc.MethodDescriptor.MethodType.UNARY)
              .setFullMethodName(generateFullMethodName(SERVICE_NAME, "ApprovePlan"))
              .setSampledToLocalTracing(true)
              .setRequestMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  gov.steward.agreement.v1.ApprovePlanRequest.getDefaultInstance()))
              .setResponseMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  gov.steward.agreement.v1.ApprovePlanResponse.getDefaultInstance()))
              .setSchemaDescriptor(new AgreementServiceMethodDescriptorSupplier("ApprovePlan"))
              .build();
        }
      }
    }
    return getApprovePlanMethod;
  }

  private static volatile io.grpc.MethodDescriptor<gov.steward.agreement.v1.GetPlanRequest,
      gov.steward.agreement.v1.GetPlanResponse> getGetPlanMethod;

  @io.grpc.stub.annotations.RpcMethod(
      fullMethodName = SERVICE_NAME + '/' + "GetPlan",
      requestType = gov.steward.agreement.v1.GetPlanRequest.class,
      responseType = gov.steward.agreement.v1.GetPlanResponse.class,
      methodType = io.grpc.MethodDescriptor.MethodType.UNARY)
  public static io.grpc.MethodDescriptor<gov.steward.agreement.v1.GetPlanRequest,
      gov.steward.agreement.v1.GetPlanResponse> getGetPlanMethod() {
    io.grpc.MethodDescriptor<gov.steward.agreement.v1.GetPlanRequest, gov.steward.agreement.v1.GetPlanResponse> getGetPlanMethod;
    if ((getGetPlanMethod = AgreementServiceGrpc.getGetPlanMethod) == null) {
      synchronized (AgreementServiceGrpc.class) {
        if ((getGetPlanMethod = AgreementServiceGrpc.getGetPlanMethod) == null) {
          AgreementServiceGrpc.getGetPlanMethod = getGetPlanMethod =
              io.grpc.MethodDescriptor.<gov.steward.agreement.v1.GetPlanRequest, gov.steward.agreement.v1.GetPlanResponse>newBuilder()
              .setType(io.grpc.MethodDescriptor.MethodType.UNARY)
              .setFullMethodName(generateFullMethodName(SERVICE_NAME, "GetPlan"))
              .setSampledToLocalTracing(true)
              .setRequestMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  gov.steward.agreement.v1.GetPlanRequest.getDefaultInstance()))
              .setResponseMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  gov.steward.agreement.v1.GetPlanResponse.getDefaultInstance()))
              .setSchemaDescriptor(new AgreementServiceMethodDescriptorSupplier("GetPlan"))
              .build();
        }
      }
    }
    return getGetPlanMethod;
  }

  private static volatile io.grpc.MethodDescriptor<gov.steward.agreement.v1.ListPlanVersionsRequest,
      gov.steward.agreement.v1.ListPlanVersionsResponse> getListPlanVersionsMethod;

  @io.grpc.stub.annotations.RpcMethod(
      fullMethodName = SERVICE_NAME + '/' + "ListPlanVersions",
      requestType = gov.steward.agreement.v1.ListPlanVersionsRequest.class,
      responseType = gov.steward.agreement.v1.ListPlanVersionsResponse.class,
      methodType = io.grpc.MethodDescriptor.MethodType.UNARY)
  public static io.grpc.MethodDescriptor<gov.steward.agreement.v1.ListPlanVersionsRequest,
      gov.steward.agreement.v1.ListPlanVersionsResponse> getListPlanVersionsMethod() {
    io.grpc.MethodDescriptor<gov.steward.agreement.v1.ListPlanVersionsRequest, gov.steward.agreement.v1.ListPlanVersionsResponse> getListPlanVersionsMethod;
    if ((getListPlanVersionsMethod = AgreementServiceGrpc.getListPlanVersionsMethod) == null) {
      synchronized (AgreementServiceGrpc.class) {
        if ((getListPlanVersionsMethod = AgreementServiceGrpc.getListPlanVersionsMethod) == null) {
          AgreementServiceGrpc.getListPlanVersionsMethod = getListPlanVersionsMethod =
              io.grpc.MethodDescriptor.<gov.steward.agreement.v1.ListPlanVersionsRequest, gov.steward.agreement.v1.ListPlanVersionsResponse>newBuilder()
              .setType(io.grpc.MethodDescriptor.MethodType.UNARY)
              .setFullMethodName(generateFullMethodName(SERVICE_NAME, "ListPlanVersions"))
              .setSampledToLocalTracing(true)
              .setRequestMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  gov.steward.agreement.v1.ListPlanVersionsRequest.getDefaultInstance()))
              .setResponseMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  gov.steward.agreement.v1.ListPlanVersionsResponse.getDefaultInstance()))
              .setSchemaDescriptor(new AgreementServiceMethodDescriptorSupplier("ListPlanVersions"))
              .build();
        }
      }
    }
    return getListPlanVersionsMethod;
  }

  private static volatile io.grpc.MethodDescriptor<gov.steward.agreement.v1.GetPlanProgressRequest,
      gov.steward.agreement.v1.GetPlanProgressResponse> getGetPlanProgressMethod;

  @io.grpc.stub.annotations.RpcMethod(
      fullMethodName = SERVICE_NAME + '/' + "GetPlanProgress",
      requestType = gov.steward.agreement.v1.GetPlanProgressRequest.class,
      responseType = gov.steward.agreement.v1.GetPlanProgressResponse.class,
      methodType = io.grpc.MethodDescriptor.MethodType.UNARY)
  public static io.grpc.MethodDescriptor<gov.steward.agreement.v1.GetPlanProgressRequest,
      gov.steward.agreement.v1.GetPlanProgressResponse> getGetPlanProgressMethod() {
    io.grpc.MethodDescriptor<gov.steward.agreement.v1.GetPlanProgressRequest, gov.steward.agreement.v1.GetPlanProgressResponse> getGetPlanProgressMethod;
    if ((getGetPlanProgressMethod = AgreementServiceGrpc.getGetPlanProgressMethod) == null) {
      synchronized (AgreementServiceGrpc.class) {
        if ((getGetPlanProgressMethod = AgreementServiceGrpc.getGetPlanProgressMethod) == null) {
          AgreementServiceGrpc.getGetPlanProgressMethod = getGetPlanProgressMethod =
              io.grpc.MethodDescriptor.<gov.steward.agreement.v1.GetPlanProgressRequest, gov.steward.agreement.v1.GetPlanProgressResponse>newBuilder()
              .setType(io.grpc.MethodDescriptor.MethodType.UNARY)
              .setFullMethodName(generateFullMethodName(SERVICE_NAME, "GetPlanProgress"))
              .setSampledToLocalTracing(true)
              .setRequestMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  gov.steward.agreement.v1.GetPlanProgressRequest.getDefaultInstance()))
              .setResponseMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  gov.steward.agreement.v1.GetPlanProgressResponse.getDefaultInstance()))
              .setSchemaDescriptor(new AgreementServiceMethodDescriptorSupplier("GetPlanProgress"))
              .build();
        }
      }
    }
    return getGetPlanProgressMethod;
  }

  /**
   * Creates a new async stub that supports all call types for the service
   */
  public static AgreementServiceStub newStub(io.grpc.Channel channel) {
    io.grpc.stub.AbstractStub.StubFactory<AgreementServiceStub> factory =
      new io.grpc.stub.AbstractStub.StubFactory<AgreementServiceStub>() {
        @java.lang.Override
        public AgreementServiceStub newStub(io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
          return new AgreementServiceStub(channel, callOptions);
        }
      };
    return AgreementServiceStub.newStub(factory, channel);
  }

  /**
   * Creates a new blocking-style stub that supports all types of calls on the service
   */
  public static AgreementServiceBlockingV2Stub newBlockingV2Stub(
      io.grpc.Channel channel) {
    io.grpc.stub.AbstractStub.StubFactory<AgreementServiceBlockingV2Stub> factory =
      new io.grpc.stub.AbstractStub.StubFactory<AgreementServiceBlockingV2Stub>() {
        @java.lang.Override
        public AgreementServiceBlockingV2Stub newStub(io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
          return new AgreementServiceBlockingV2Stub(channel, callOptions);
        }
      };
    return AgreementServiceBlockingV2Stub.newStub(factory, channel);
  }

  /**
   * Creates a new blocking-style stub that supports unary and streaming output calls on the service
   */
  public static AgreementServiceBlockingStub newBlockingStub(
      io.grpc.Channel channel) {
    io.grpc.stub.AbstractStub.StubFactory<AgreementServiceBlockingStub> factory =
      new io.grpc.stub.AbstractStub.StubFactory<AgreementServiceBlockingStub>() {
        @java.lang.Override
        public AgreementServiceBlockingStub newStub(io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
          return new AgreementServiceBlockingStub(channel, callOptions);
        }
      };
    return AgreementServiceBlockingStub.newStub(factory, channel);
  }

  /**
   * Creates a new ListenableFuture-style stub that supports unary calls on the service
   */
  public static AgreementServiceFutureStub newFutureStub(
      io.grpc.Channel channel) {
    io.grpc.stub.AbstractStub.StubFactory<AgreementServiceFutureStub> factory =
      new io.grpc.stub.AbstractStub.StubFactory<AgreementServiceFutureStub>() {
        @java.lang.Override
        public AgreementServiceFutureStub newStub(io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
          return new AgreementServiceFutureStub(channel, callOptions);
        }
      };
    return AgreementServiceFutureStub.newStub(factory, channel);
  }

  /**
   * <pre>
   * Agreement (协议): assisted-handling agreements, the project's 1 + 1 + N team (a steward, the
   * enterprise's contact, a liaison per department) and the agent plan (代办计划).
   * </pre>
   */
  public interface AsyncService {

    /**
     */
    default void getAgreement(gov.steward.agreement.v1.GetAgreementRequest request,
        io.grpc.stub.StreamObserver<gov.steward.agreement.v1.GetAgreementResponse> responseObserver) {
      io.grpc.stub.ServerCalls.asyncUnimplementedUnaryCall(getGetAgreementMethod(), responseObserver);
    }

    /**
     */
    default void listAgreements(gov.steward.agreement.v1.ListAgreementsRequest request,
        io.grpc.stub.StreamObserver<gov.steward.agreement.v1.ListAgreementsResponse> responseObserver) {
      io.grpc.stub.ServerCalls.asyncUnimplementedUnaryCall(getListAgreementsMethod(), responseObserver);
    }

    /**
     * <pre>
     * Signs a draft agreement (county or city admin), recording the signing on the ledger.
     * </pre>
     */
    default void signAgreement(gov.steward.agreement.v1.SignAgreementRequest request,
        io.grpc.stub.StreamObserver<gov.steward.agreement.v1.SignAgreementResponse> responseObserver) {
      io.grpc.stub.ServerCalls.asyncUnimplementedUnaryCall(getSignAgreementMethod(), responseObserver);
    }

    /**
     * <pre>
     * Ends an agreement early, with the reason (admin).
     * </pre>
     */
    default void terminateAgreement(gov.steward.agreement.v1.TerminateAgreementRequest request,
        io.grpc.stub.StreamObserver<gov.steward.agreement.v1.TerminateAgreementResponse> responseObserver) {
      io.grpc.stub.ServerCalls.asyncUnimplementedUnaryCall(getTerminateAgreementMethod(), responseObserver);
    }

    /**
     * <pre>
     * The region's stewards and their workload.
     * </pre>
     */
    default void registerSteward(gov.steward.agreement.v1.RegisterStewardRequest request,
        io.grpc.stub.StreamObserver<gov.steward.agreement.v1.RegisterStewardResponse> responseObserver) {
      io.grpc.stub.ServerCalls.asyncUnimplementedUnaryCall(getRegisterStewardMethod(), responseObserver);
    }

    /**
     */
    default void listStewards(gov.steward.agreement.v1.ListStewardsRequest request,
        io.grpc.stub.StreamObserver<gov.steward.agreement.v1.ListStewardsResponse> responseObserver) {
      io.grpc.stub.ServerCalls.asyncUnimplementedUnaryCall(getListStewardsMethod(), responseObserver);
    }

    /**
     * <pre>
     * Takes a steward out of service; refused while they hold an active key project.
     * </pre>
     */
    default void retireSteward(gov.steward.agreement.v1.RetireStewardRequest request,
        io.grpc.stub.StreamObserver<gov.steward.agreement.v1.RetireStewardResponse> responseObserver) {
      io.grpc.stub.ServerCalls.asyncUnimplementedUnaryCall(getRetireStewardMethod(), responseObserver);
    }

    /**
     * <pre>
     * Stewards ranked for a project: fewest active projects first (a workload-aware suggestion).
     * </pre>
     */
    default void suggestSteward(gov.steward.agreement.v1.SuggestStewardRequest request,
        io.grpc.stub.StreamObserver<gov.steward.agreement.v1.SuggestStewardResponse> responseObserver) {
      io.grpc.stub.ServerCalls.asyncUnimplementedUnaryCall(getSuggestStewardMethod(), responseObserver);
    }

    /**
     * <pre>
     * Assigns the project's steward; when it has one, this is a hand-over and needs a note.
     * </pre>
     */
    default void assignSteward(gov.steward.agreement.v1.AssignStewardRequest request,
        io.grpc.stub.StreamObserver<gov.steward.agreement.v1.AssignStewardResponse> responseObserver) {
      io.grpc.stub.ServerCalls.asyncUnimplementedUnaryCall(getAssignStewardMethod(), responseObserver);
    }

    /**
     * <pre>
     * Ends the steward's assignment without a successor; refused for an active key project.
     * </pre>
     */
    default void releaseSteward(gov.steward.agreement.v1.ReleaseStewardRequest request,
        io.grpc.stub.StreamObserver<gov.steward.agreement.v1.ReleaseStewardResponse> responseObserver) {
      io.grpc.stub.ServerCalls.asyncUnimplementedUnaryCall(getReleaseStewardMethod(), responseObserver);
    }

    /**
     * <pre>
     * Names a department's liaison for the project (replacing the previous one).
     * </pre>
     */
    default void assignLiaison(gov.steward.agreement.v1.AssignLiaisonRequest request,
        io.grpc.stub.StreamObserver<gov.steward.agreement.v1.AssignLiaisonResponse> responseObserver) {
      io.grpc.stub.ServerCalls.asyncUnimplementedUnaryCall(getAssignLiaisonMethod(), responseObserver);
    }

    /**
     * <pre>
     * The project's team: the steward with the history of hand-overs, and the liaisons.
     * </pre>
     */
    default void getTeam(gov.steward.agreement.v1.GetTeamRequest request,
        io.grpc.stub.StreamObserver<gov.steward.agreement.v1.GetTeamResponse> responseObserver) {
      io.grpc.stub.ServerCalls.asyncUnimplementedUnaryCall(getGetTeamMethod(), responseObserver);
    }

    /**
     * <pre>
     * Drafts a new version of the agent plan from an industry chain or a 一件事一次办 bundle of
     * routing's catalogue (and/or items one by one), with target dates agreed with the enterprise.
     * </pre>
     */
    default void draftPlan(gov.steward.agreement.v1.DraftPlanRequest request,
        io.grpc.stub.StreamObserver<gov.steward.agreement.v1.DraftPlanResponse> responseObserver) {
      io.grpc.stub.ServerCalls.asyncUnimplementedUnaryCall(getDraftPlanMethod(), responseObserver);
    }

    /**
     * <pre>
     * A department's liaison approves its items of the latest version or returns them with a reason.
     * </pre>
     */
    default void reviewPlan(gov.steward.agreement.v1.ReviewPlanRequest request,
        io.grpc.stub.StreamObserver<gov.steward.agreement.v1.ReviewPlanResponse> responseObserver) {
      io.grpc.stub.ServerCalls.asyncUnimplementedUnaryCall(getReviewPlanMethod(), responseObserver);
    }

    /**
     * <pre>
     * The steward approves the latest version once every department approved it; it is then
     * submitted to approval routing and publishes agreement.plan.approved.
     * </pre>
     */
    default void approvePlan(gov.steward.agreement.v1.ApprovePlanRequest request,
        io.grpc.stub.StreamObserver<gov.steward.agreement.v1.ApprovePlanResponse> responseObserver) {
      io.grpc.stub.ServerCalls.asyncUnimplementedUnaryCall(getApprovePlanMethod(), responseObserver);
    }

    /**
     * <pre>
     * A version of the plan (the latest when version is 0), with its reviews and its status.
     * </pre>
     */
    default void getPlan(gov.steward.agreement.v1.GetPlanRequest request,
        io.grpc.stub.StreamObserver<gov.steward.agreement.v1.GetPlanResponse> responseObserver) {
      io.grpc.stub.ServerCalls.asyncUnimplementedUnaryCall(getGetPlanMethod(), responseObserver);
    }

    /**
     */
    default void listPlanVersions(gov.steward.agreement.v1.ListPlanVersionsRequest request,
        io.grpc.stub.StreamObserver<gov.steward.agreement.v1.ListPlanVersionsResponse> responseObserver) {
      io.grpc.stub.ServerCalls.asyncUnimplementedUnaryCall(getListPlanVersionsMethod(), responseObserver);
    }

    /**
     * <pre>
     * Plan vs actual per item: the agreed target date against the item's state in routing.
     * </pre>
     */
    default void getPlanProgress(gov.steward.agreement.v1.GetPlanProgressRequest request,
        io.grpc.stub.StreamObserver<gov.steward.agreement.v1.GetPlanProgressResponse> responseObserver) {
      io.grpc.stub.ServerCalls.asyncUnimplementedUnaryCall(getGetPlanProgressMethod(), responseObserver);
    }
  }

  /**
   * Base class for the server implementation of the service AgreementService.
   * <pre>
   * Agreement (协议): assisted-handling agreements, the project's 1 + 1 + N team (a steward, the
   * enterprise's contact, a liaison per department) and the agent plan (代办计划).
   * </pre>
   */
  public static abstract class AgreementServiceImplBase
      implements io.grpc.BindableService, AsyncService {

    @java.lang.Override public final io.grpc.ServerServiceDefinition bindService() {
      return AgreementServiceGrpc.bindService(this);
    }
  }

  /**
   * A stub to allow clients to do asynchronous rpc calls to service AgreementService.
   * <pre>
   * Agreement (协议): assisted-handling agreements, the project's 1 + 1 + N team (a steward, the
   * enterprise's contact, a liaison per department) and the agent plan (代办计划).
   * </pre>
   */
  public static final class AgreementServiceStub
      extends io.grpc.stub.AbstractAsyncStub<AgreementServiceStub> {
    private AgreementServiceStub(
        io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
      super(channel, callOptions);
    }

    @java.lang.Override
    protected AgreementServiceStub build(
        io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
      return new AgreementServiceStub(channel, callOptions);
    }

    /**
     */
    public void getAgreement(gov.steward.agreement.v1.GetAgreementRequest request,
        io.grpc.stub.StreamObserver<gov.steward.agreement.v1.GetAgreementResponse> responseObserver) {
      io.grpc.stub.ClientCalls.asyncUnaryCall(
          getChannel().newCall(getGetAgreementMethod(), getCallOptions()), request, responseObserver);
    }

    /**
     */
    public void listAgreements(gov.steward.agreement.v1.ListAgreementsRequest request,
        io.grpc.stub.StreamObserver<gov.steward.agreement.v1.ListAgreementsResponse> responseObserver) {
      io.grpc.stub.ClientCalls.asyncUnaryCall(
          getChannel().newCall(getListAgreementsMethod(), getCallOptions()), request, responseObserver);
    }

    /**
     * <pre>
     * Signs a draft agreement (county or city admin), recording the signing on the ledger.
     * </pre>
     */
    public void signAgreement(gov.steward.agreement.v1.SignAgreementRequest request,
        io.grpc.stub.StreamObserver<gov.steward.agreement.v1.SignAgreementResponse> responseObserver) {
      io.grpc.stub.ClientCalls.asyncUnaryCall(
          getChannel().newCall(getSignAgreementMethod(), getCallOptions()), request, responseObserver);
    }

    /**
     * <pre>
     * Ends an agreement early, with the reason (admin).
     * </pre>
     */
    public void terminateAgreement(gov.steward.agreement.v1.TerminateAgreementRequest request,
        io.grpc.stub.StreamObserver<gov.steward.agreement.v1.TerminateAgreementResponse> responseObserver) {
      io.grpc.stub.ClientCalls.asyncUnaryCall(
          getChannel().newCall(getTerminateAgreementMethod(), getCallOptions()), request, responseObserver);
    }

    /**
     * <pre>
     * The region's stewards and their workload.
     * </pre>
     */
    public void registerSteward(gov.steward.agreement.v1.RegisterStewardRequest request,
        io.grpc.stub.StreamObserver<gov.steward.agreement.v1.RegisterStewardResponse> responseObserver) {
      io.grpc.stub.ClientCalls.asyncUnaryCall(
          getChannel().newCall(getRegisterStewardMethod(), getCallOptions()), request, responseObserver);
    }

    /**
     */
    public void listStewards(gov.steward.agreement.v1.ListStewardsRequest request,
        io.grpc.stub.StreamObserver<gov.steward.agreement.v1.ListStewardsResponse> responseObserver) {
      io.grpc.stub.ClientCalls.asyncUnaryCall(
          getChannel().newCall(getListStewardsMethod(), getCallOptions()), request, responseObserver);
    }

    /**
     * <pre>
     * Takes a steward out of service; refused while they hold an active key project.
     * </pre>
     */
    public void retireSteward(gov.steward.agreement.v1.RetireStewardRequest request,
        io.grpc.stub.StreamObserver<gov.steward.agreement.v1.RetireStewardResponse> responseObserver) {
      io.grpc.stub.ClientCalls.asyncUnaryCall(
          getChannel().newCall(getRetireStewardMethod(), getCallOptions()), request, responseObserver);
    }

    /**
     * <pre>
     * Stewards ranked for a project: fewest active projects first (a workload-aware suggestion).
     * </pre>
     */
    public void suggestSteward(gov.steward.agreement.v1.SuggestStewardRequest request,
        io.grpc.stub.StreamObserver<gov.steward.agreement.v1.SuggestStewardResponse> responseObserver) {
      io.grpc.stub.ClientCalls.asyncUnaryCall(
          getChannel().newCall(getSuggestStewardMethod(), getCallOptions()), request, responseObserver);
    }

    /**
     * <pre>
     * Assigns the project's steward; when it has one, this is a hand-over and needs a note.
     * </pre>
     */
    public void assignSteward(gov.steward.agreement.v1.AssignStewardRequest request,
        io.grpc.stub.StreamObserver<gov.steward.agreement.v1.AssignStewardResponse> responseObserver) {
      io.grpc.stub.ClientCalls.asyncUnaryCall(
          getChannel().newCall(getAssignStewardMethod(), getCallOptions()), request, responseObserver);
    }

    /**
     * <pre>
     * Ends the steward's assignment without a successor; refused for an active key project.
     * </pre>
     */
    public void releaseSteward(gov.steward.agreement.v1.ReleaseStewardRequest request,
        io.grpc.stub.StreamObserver<gov.steward.agreement.v1.ReleaseStewardResponse> responseObserver) {
      io.grpc.stub.ClientCalls.asyncUnaryCall(
          getChannel().newCall(getReleaseStewardMethod(), getCallOptions()), request, responseObserver);
    }

    /**
     * <pre>
     * Names a department's liaison for the project (replacing the previous one).
     * </pre>
     */
    public void assignLiaison(gov.steward.agreement.v1.AssignLiaisonRequest request,
        io.grpc.stub.StreamObserver<gov.steward.agreement.v1.AssignLiaisonResponse> responseObserver) {
      io.grpc.stub.ClientCalls.asyncUnaryCall(
          getChannel().newCall(getAssignLiaisonMethod(), getCallOptions()), request, responseObserver);
    }

    /**
     * <pre>
     * The project's team: the steward with the history of hand-overs, and the liaisons.
     * </pre>
     */
    public void getTeam(gov.steward.agreement.v1.GetTeamRequest request,
        io.grpc.stub.StreamObserver<gov.steward.agreement.v1.GetTeamResponse> responseObserver) {
      io.grpc.stub.ClientCalls.asyncUnaryCall(
          getChannel().newCall(getGetTeamMethod(), getCallOptions()), request, responseObserver);
    }

    /**
     * <pre>
     * Drafts a new version of the agent plan from an industry chain or a 一件事一次办 bundle of
     * routing's catalogue (and/or items one by one), with target dates agreed with the enterprise.
     * </pre>
     */
    public void draftPlan(gov.steward.agreement.v1.DraftPlanRequest request,
        io.grpc.stub.StreamObserver<gov.steward.agreement.v1.DraftPlanResponse> responseObserver) {
      io.grpc.stub.ClientCalls.asyncUnaryCall(
          getChannel().newCall(getDraftPlanMethod(), getCallOptions()), request, responseObserver);
    }

    /**
     * <pre>
     * A department's liaison approves its items of the latest version or returns them with a reason.
     * </pre>
     */
    public void reviewPlan(gov.steward.agreement.v1.ReviewPlanRequest request,
        io.grpc.stub.StreamObserver<gov.steward.agreement.v1.ReviewPlanResponse> responseObserver) {
      io.grpc.stub.ClientCalls.asyncUnaryCall(
          getChannel().newCall(getReviewPlanMethod(), getCallOptions()), request, responseObserver);
    }

    /**
     * <pre>
     * The steward approves the latest version once every department approved it; it is then
     * submitted to approval routing and publishes agreement.plan.approved.
     * </pre>
     */
    public void approvePlan(gov.steward.agreement.v1.ApprovePlanRequest request,
        io.grpc.stub.StreamObserver<gov.steward.agreement.v1.ApprovePlanResponse> responseObserver) {
      io.grpc.stub.ClientCalls.asyncUnaryCall(
          getChannel().newCall(getApprovePlanMethod(), getCallOptions()), request, responseObserver);
    }

    /**
     * <pre>
     * A version of the plan (the latest when version is 0), with its reviews and its status.
     * </pre>
     */
    public void getPlan(gov.steward.agreement.v1.GetPlanRequest request,
        io.grpc.stub.StreamObserver<gov.steward.agreement.v1.GetPlanResponse> responseObserver) {
      io.grpc.stub.ClientCalls.asyncUnaryCall(
          getChannel().newCall(getGetPlanMethod(), getCallOptions()), request, responseObserver);
    }

    /**
     */
    public void listPlanVersions(gov.steward.agreement.v1.ListPlanVersionsRequest request,
        io.grpc.stub.StreamObserver<gov.steward.agreement.v1.ListPlanVersionsResponse> responseObserver) {
      io.grpc.stub.ClientCalls.asyncUnaryCall(
          getChannel().newCall(getListPlanVersionsMethod(), getCallOptions()), request, responseObserver);
    }

    /**
     * <pre>
     * Plan vs actual per item: the agreed target date against the item's state in routing.
     * </pre>
     */
    public void getPlanProgress(gov.steward.agreement.v1.GetPlanProgressRequest request,
        io.grpc.stub.StreamObserver<gov.steward.agreement.v1.GetPlanProgressResponse> responseObserver) {
      io.grpc.stub.ClientCalls.asyncUnaryCall(
          getChannel().newCall(getGetPlanProgressMethod(), getCallOptions()), request, responseObserver);
    }
  }

  /**
   * A stub to allow clients to do synchronous rpc calls to service AgreementService.
   * <pre>
   * Agreement (协议): assisted-handling agreements, the project's 1 + 1 + N team (a steward, the
   * enterprise's contact, a liaison per department) and the agent plan (代办计划).
   * </pre>
   */
  public static final class AgreementServiceBlockingV2Stub
      extends io.grpc.stub.AbstractBlockingStub<AgreementServiceBlockingV2Stub> {
    private AgreementServiceBlockingV2Stub(
        io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
      super(channel, callOptions);
    }

    @java.lang.Override
    protected AgreementServiceBlockingV2Stub build(
        io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
      return new AgreementServiceBlockingV2Stub(channel, callOptions);
    }

    /**
     */
    public gov.steward.agreement.v1.GetAgreementResponse getAgreement(gov.steward.agreement.v1.GetAgreementRequest request) throws io.grpc.StatusException {
      return io.grpc.stub.ClientCalls.blockingV2UnaryCall(
          getChannel(), getGetAgreementMethod(), getCallOptions(), request);
    }

    /**
     */
    public gov.steward.agreement.v1.ListAgreementsResponse listAgreements(gov.steward.agreement.v1.ListAgreementsRequest request) throws io.grpc.StatusException {
      return io.grpc.stub.ClientCalls.blockingV2UnaryCall(
          getChannel(), getListAgreementsMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * Signs a draft agreement (county or city admin), recording the signing on the ledger.
     * </pre>
     */
    public gov.steward.agreement.v1.SignAgreementResponse signAgreement(gov.steward.agreement.v1.SignAgreementRequest request) throws io.grpc.StatusException {
      return io.grpc.stub.ClientCalls.blockingV2UnaryCall(
          getChannel(), getSignAgreementMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * Ends an agreement early, with the reason (admin).
     * </pre>
     */
    public gov.steward.agreement.v1.TerminateAgreementResponse terminateAgreement(gov.steward.agreement.v1.TerminateAgreementRequest request) throws io.grpc.StatusException {
      return io.grpc.stub.ClientCalls.blockingV2UnaryCall(
          getChannel(), getTerminateAgreementMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * The region's stewards and their workload.
     * </pre>
     */
    public gov.steward.agreement.v1.RegisterStewardResponse registerSteward(gov.steward.agreement.v1.RegisterStewardRequest request) throws io.grpc.StatusException {
      return io.grpc.stub.ClientCalls.blockingV2UnaryCall(
          getChannel(), getRegisterStewardMethod(), getCallOptions(), request);
    }

    /**
     */
    public gov.steward.agreement.v1.ListStewardsResponse listStewards(gov.steward.agreement.v1.ListStewardsRequest request) throws io.grpc.StatusException {
      return io.grpc.stub.ClientCalls.blockingV2UnaryCall(
          getChannel(), getListStewardsMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * Takes a steward out of service; refused while they hold an active key project.
     * </pre>
     */
    public gov.steward.agreement.v1.RetireStewardResponse retireSteward(gov.steward.agreement.v1.RetireStewardRequest request) throws io.grpc.StatusException {
      return io.grpc.stub.ClientCalls.blockingV2UnaryCall(
          getChannel(), getRetireStewardMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * Stewards ranked for a project: fewest active projects first (a workload-aware suggestion).
     * </pre>
     */
    public gov.steward.agreement.v1.SuggestStewardResponse suggestSteward(gov.steward.agreement.v1.SuggestStewardRequest request) throws io.grpc.StatusException {
      return io.grpc.stub.ClientCalls.blockingV2UnaryCall(
          getChannel(), getSuggestStewardMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * Assigns the project's steward; when it has one, this is a hand-over and needs a note.
     * </pre>
     */
    public gov.steward.agreement.v1.AssignStewardResponse assignSteward(gov.steward.agreement.v1.AssignStewardRequest request) throws io.grpc.StatusException {
      return io.grpc.stub.ClientCalls.blockingV2UnaryCall(
          getChannel(), getAssignStewardMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * Ends the steward's assignment without a successor; refused for an active key project.
     * </pre>
     */
    public gov.steward.agreement.v1.ReleaseStewardResponse releaseSteward(gov.steward.agreement.v1.ReleaseStewardRequest request) throws io.grpc.StatusException {
      return io.grpc.stub.ClientCalls.blockingV2UnaryCall(
          getChannel(), getReleaseStewardMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * Names a department's liaison for the project (replacing the previous one).
     * </pre>
     */
    public gov.steward.agreement.v1.AssignLiaisonResponse assignLiaison(gov.steward.agreement.v1.AssignLiaisonRequest request) throws io.grpc.StatusException {
      return io.grpc.stub.ClientCalls.blockingV2UnaryCall(
          getChannel(), getAssignLiaisonMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * The project's team: the steward with the history of hand-overs, and the liaisons.
     * </pre>
     */
    public gov.steward.agreement.v1.GetTeamResponse getTeam(gov.steward.agreement.v1.GetTeamRequest request) throws io.grpc.StatusException {
      return io.grpc.stub.ClientCalls.blockingV2UnaryCall(
          getChannel(), getGetTeamMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * Drafts a new version of the agent plan from an industry chain or a 一件事一次办 bundle of
     * routing's catalogue (and/or items one by one), with target dates agreed with the enterprise.
     * </pre>
     */
    public gov.steward.agreement.v1.DraftPlanResponse draftPlan(gov.steward.agreement.v1.DraftPlanRequest request) throws io.grpc.StatusException {
      return io.grpc.stub.ClientCalls.blockingV2UnaryCall(
          getChannel(), getDraftPlanMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * A department's liaison approves its items of the latest version or returns them with a reason.
     * </pre>
     */
    public gov.steward.agreement.v1.ReviewPlanResponse reviewPlan(gov.steward.agreement.v1.ReviewPlanRequest request) throws io.grpc.StatusException {
      return io.grpc.stub.ClientCalls.blockingV2UnaryCall(
          getChannel(), getReviewPlanMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * The steward approves the latest version once every department approved it; it is then
     * submitted to approval routing and publishes agreement.plan.approved.
     * </pre>
     */
    public gov.steward.agreement.v1.ApprovePlanResponse approvePlan(gov.steward.agreement.v1.ApprovePlanRequest request) throws io.grpc.StatusException {
      return io.grpc.stub.ClientCalls.blockingV2UnaryCall(
          getChannel(), getApprovePlanMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * A version of the plan (the latest when version is 0), with its reviews and its status.
     * </pre>
     */
    public gov.steward.agreement.v1.GetPlanResponse getPlan(gov.steward.agreement.v1.GetPlanRequest request) throws io.grpc.StatusException {
      return io.grpc.stub.ClientCalls.blockingV2UnaryCall(
          getChannel(), getGetPlanMethod(), getCallOptions(), request);
    }

    /**
     */
    public gov.steward.agreement.v1.ListPlanVersionsResponse listPlanVersions(gov.steward.agreement.v1.ListPlanVersionsRequest request) throws io.grpc.StatusException {
      return io.grpc.stub.ClientCalls.blockingV2UnaryCall(
          getChannel(), getListPlanVersionsMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * Plan vs actual per item: the agreed target date against the item's state in routing.
     * </pre>
     */
    public gov.steward.agreement.v1.GetPlanProgressResponse getPlanProgress(gov.steward.agreement.v1.GetPlanProgressRequest request) throws io.grpc.StatusException {
      return io.grpc.stub.ClientCalls.blockingV2UnaryCall(
          getChannel(), getGetPlanProgressMethod(), getCallOptions(), request);
    }
  }

  /**
   * A stub to allow clients to do limited synchronous rpc calls to service AgreementService.
   * <pre>
   * Agreement (协议): assisted-handling agreements, the project's 1 + 1 + N team (a steward, the
   * enterprise's contact, a liaison per department) and the agent plan (代办计划).
   * </pre>
   */
  public static final class AgreementServiceBlockingStub
      extends io.grpc.stub.AbstractBlockingStub<AgreementServiceBlockingStub> {
    private AgreementServiceBlockingStub(
        io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
      super(channel, callOptions);
    }

    @java.lang.Override
    protected AgreementServiceBlockingStub build(
        io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
      return new AgreementServiceBlockingStub(channel, callOptions);
    }

    /**
     */
    public gov.steward.agreement.v1.GetAgreementResponse getAgreement(gov.steward.agreement.v1.GetAgreementRequest request) {
      return io.grpc.stub.ClientCalls.blockingUnaryCall(
          getChannel(), getGetAgreementMethod(), getCallOptions(), request);
    }

    /**
     */
    public gov.steward.agreement.v1.ListAgreementsResponse listAgreements(gov.steward.agreement.v1.ListAgreementsRequest request) {
      return io.grpc.stub.ClientCalls.blockingUnaryCall(
          getChannel(), getListAgreementsMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * Signs a draft agreement (county or city admin), recording the signing on the ledger.
     * </pre>
     */
    public gov.steward.agreement.v1.SignAgreementResponse signAgreement(gov.steward.agreement.v1.SignAgreementRequest request) {
      return io.grpc.stub.ClientCalls.blockingUnaryCall(
          getChannel(), getSignAgreementMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * Ends an agreement early, with the reason (admin).
     * </pre>
     */
    public gov.steward.agreement.v1.TerminateAgreementResponse terminateAgreement(gov.steward.agreement.v1.TerminateAgreementRequest request) {
      return io.grpc.stub.ClientCalls.blockingUnaryCall(
          getChannel(), getTerminateAgreementMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * The region's stewards and their workload.
     * </pre>
     */
    public gov.steward.agreement.v1.RegisterStewardResponse registerSteward(gov.steward.agreement.v1.RegisterStewardRequest request) {
      return io.grpc.stub.ClientCalls.blockingUnaryCall(
          getChannel(), getRegisterStewardMethod(), getCallOptions(), request);
    }

    /**
     */
    public gov.steward.agreement.v1.ListStewardsResponse listStewards(gov.steward.agreement.v1.ListStewardsRequest request) {
      return io.grpc.stub.ClientCalls.blockingUnaryCall(
          getChannel(), getListStewardsMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * Takes a steward out of service; refused while they hold an active key project.
     * </pre>
     */
    public gov.steward.agreement.v1.RetireStewardResponse retireSteward(gov.steward.agreement.v1.RetireStewardRequest request) {
      return io.grpc.stub.ClientCalls.blockingUnaryCall(
          getChannel(), getRetireStewardMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * Stewards ranked for a project: fewest active projects first (a workload-aware suggestion).
     * </pre>
     */
    public gov.steward.agreement.v1.SuggestStewardResponse suggestSteward(gov.steward.agreement.v1.SuggestStewardRequest request) {
      return io.grpc.stub.ClientCalls.blockingUnaryCall(
          getChannel(), getSuggestStewardMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * Assigns the project's steward; when it has one, this is a hand-over and needs a note.
     * </pre>
     */
    public gov.steward.agreement.v1.AssignStewardResponse assignSteward(gov.steward.agreement.v1.AssignStewardRequest request) {
      return io.grpc.stub.ClientCalls.blockingUnaryCall(
          getChannel(), getAssignStewardMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * Ends the steward's assignment without a successor; refused for an active key project.
     * </pre>
     */
    public gov.steward.agreement.v1.ReleaseStewardResponse releaseSteward(gov.steward.agreement.v1.ReleaseStewardRequest request) {
      return io.grpc.stub.ClientCalls.blockingUnaryCall(
          getChannel(), getReleaseStewardMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * Names a department's liaison for the project (replacing the previous one).
     * </pre>
     */
    public gov.steward.agreement.v1.AssignLiaisonResponse assignLiaison(gov.steward.agreement.v1.AssignLiaisonRequest request) {
      return io.grpc.stub.ClientCalls.blockingUnaryCall(
          getChannel(), getAssignLiaisonMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * The project's team: the steward with the history of hand-overs, and the liaisons.
     * </pre>
     */
    public gov.steward.agreement.v1.GetTeamResponse getTeam(gov.steward.agreement.v1.GetTeamRequest request) {
      return io.grpc.stub.ClientCalls.blockingUnaryCall(
          getChannel(), getGetTeamMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * Drafts a new version of the agent plan from an industry chain or a 一件事一次办 bundle of
     * routing's catalogue (and/or items one by one), with target dates agreed with the enterprise.
     * </pre>
     */
    public gov.steward.agreement.v1.DraftPlanResponse draftPlan(gov.steward.agreement.v1.DraftPlanRequest request) {
      return io.grpc.stub.ClientCalls.blockingUnaryCall(
          getChannel(), getDraftPlanMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * A department's liaison approves its items of the latest version or returns them with a reason.
     * </pre>
     */
    public gov.steward.agreement.v1.ReviewPlanResponse reviewPlan(gov.steward.agreement.v1.ReviewPlanRequest request) {
      return io.grpc.stub.ClientCalls.blockingUnaryCall(
          getChannel(), getReviewPlanMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * The steward approves the latest version once every department approved it; it is then
     * submitted to approval routing and publishes agreement.plan.approved.
     * </pre>
     */
    public gov.steward.agreement.v1.ApprovePlanResponse approvePlan(gov.steward.agreement.v1.ApprovePlanRequest request) {
      return io.grpc.stub.ClientCalls.blockingUnaryCall(
          getChannel(), getApprovePlanMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * A version of the plan (the latest when version is 0), with its reviews and its status.
     * </pre>
     */
    public gov.steward.agreement.v1.GetPlanResponse getPlan(gov.steward.agreement.v1.GetPlanRequest request) {
      return io.grpc.stub.ClientCalls.blockingUnaryCall(
          getChannel(), getGetPlanMethod(), getCallOptions(), request);
    }

    /**
     */
    public gov.steward.agreement.v1.ListPlanVersionsResponse listPlanVersions(gov.steward.agreement.v1.ListPlanVersionsRequest request) {
      return io.grpc.stub.ClientCalls.blockingUnaryCall(
          getChannel(), getListPlanVersionsMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * Plan vs actual per item: the agreed target date against the item's state in routing.
     * </pre>
     */
    public gov.steward.agreement.v1.GetPlanProgressResponse getPlanProgress(gov.steward.agreement.v1.GetPlanProgressRequest request) {
      return io.grpc.stub.ClientCalls.blockingUnaryCall(
          getChannel(), getGetPlanProgressMethod(), getCallOptions(), request);
    }
  }

  /**
   * A stub to allow clients to do ListenableFuture-style rpc calls to service AgreementService.
   * <pre>
   * Agreement (协议): assisted-handling agreements, the project's 1 + 1 + N team (a steward, the
   * enterprise's contact, a liaison per department) and the agent plan (代办计划).
   * </pre>
   */
  public static final class AgreementServiceFutureStub
      extends io.grpc.stub.AbstractFutureStub<AgreementServiceFutureStub> {
    private AgreementServiceFutureStub(
        io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
      super(channel, callOptions);
    }

    @java.lang.Override
    protected AgreementServiceFutureStub build(
        io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
      return new AgreementServiceFutureStub(channel, callOptions);
    }

    /**
     */
    public com.google.common.util.concurrent.ListenableFuture<gov.steward.agreement.v1.GetAgreementResponse> getAgreement(
        gov.steward.agreement.v1.GetAgreementRequest request) {
      return io.grpc.stub.ClientCalls.futureUnaryCall(
          getChannel().newCall(getGetAgreementMethod(), getCallOptions()), request);
    }

    /**
     */
    public com.google.common.util.concurrent.ListenableFuture<gov.steward.agreement.v1.ListAgreementsResponse> listAgreements(
        gov.steward.agreement.v1.ListAgreementsRequest request) {
      return io.grpc.stub.ClientCalls.futureUnaryCall(
          getChannel().newCall(getListAgreementsMethod(), getCallOptions()), request);
    }

    /**
     * <pre>
     * Signs a draft agreement (county or city admin), recording the signing on the ledger.
     * </pre>
     */
    public com.google.common.util.concurrent.ListenableFuture<gov.steward.agreement.v1.SignAgreementResponse> signAgreement(
        gov.steward.agreement.v1.SignAgreementRequest request) {
      return io.grpc.stub.ClientCalls.futureUnaryCall(
          getChannel().newCall(getSignAgreementMethod(), getCallOptions()), request);
    }

    /**
     * <pre>
     * Ends an agreement early, with the reason (admin).
     * </pre>
     */
    public com.google.common.util.concurrent.ListenableFuture<gov.steward.agreement.v1.TerminateAgreementResponse> terminateAgreement(
        gov.steward.agreement.v1.TerminateAgreementRequest request) {
      return io.grpc.stub.ClientCalls.futureUnaryCall(
          getChannel().newCall(getTerminateAgreementMethod(), getCallOptions()), request);
    }

    /**
     * <pre>
     * The region's stewards and their workload.
     * </pre>
     */
    public com.google.common.util.concurrent.ListenableFuture<gov.steward.agreement.v1.RegisterStewardResponse> registerSteward(
        gov.steward.agreement.v1.RegisterStewardRequest request) {
      return io.grpc.stub.ClientCalls.futureUnaryCall(
          getChannel().newCall(getRegisterStewardMethod(), getCallOptions()), request);
    }

    /**
     */
    public com.google.common.util.concurrent.ListenableFuture<gov.steward.agreement.v1.ListStewardsResponse> listStewards(
        gov.steward.agreement.v1.ListStewardsRequest request) {
      return io.grpc.stub.ClientCalls.futureUnaryCall(
          getChannel().newCall(getListStewardsMethod(), getCallOptions()), request);
    }

    /**
     * <pre>
     * Takes a steward out of service; refused while they hold an active key project.
     * </pre>
     */
    public com.google.common.util.concurrent.ListenableFuture<gov.steward.agreement.v1.RetireStewardResponse> retireSteward(
        gov.steward.agreement.v1.RetireStewardRequest request) {
      return io.grpc.stub.ClientCalls.futureUnaryCall(
          getChannel().newCall(getRetireStewardMethod(), getCallOptions()), request);
    }

    /**
     * <pre>
     * Stewards ranked for a project: fewest active projects first (a workload-aware suggestion).
     * </pre>
     */
    public com.google.common.util.concurrent.ListenableFuture<gov.steward.agreement.v1.SuggestStewardResponse> suggestSteward(
        gov.steward.agreement.v1.SuggestStewardRequest request) {
      return io.grpc.stub.ClientCalls.futureUnaryCall(
          getChannel().newCall(getSuggestStewardMethod(), getCallOptions()), request);
    }

    /**
     * <pre>
     * Assigns the project's steward; when it has one, this is a hand-over and needs a note.
     * </pre>
     */
    public com.google.common.util.concurrent.ListenableFuture<gov.steward.agreement.v1.AssignStewardResponse> assignSteward(
        gov.steward.agreement.v1.AssignStewardRequest request) {
      return io.grpc.stub.ClientCalls.futureUnaryCall(
          getChannel().newCall(getAssignStewardMethod(), getCallOptions()), request);
    }

    /**
     * <pre>
     * Ends the steward's assignment without a successor; refused for an active key project.
     * </pre>
     */
    public com.google.common.util.concurrent.ListenableFuture<gov.steward.agreement.v1.ReleaseStewardResponse> releaseSteward(
        gov.steward.agreement.v1.ReleaseStewardRequest request) {
      return io.grpc.stub.ClientCalls.futureUnaryCall(
          getChannel().newCall(getReleaseStewardMethod(), getCallOptions()), request);
    }

    /**
     * <pre>
     * Names a department's liaison for the project (replacing the previous one).
     * </pre>
     */
    public com.google.common.util.concurrent.ListenableFuture<gov.steward.agreement.v1.AssignLiaisonResponse> assignLiaison(
        gov.steward.agreement.v1.AssignLiaisonRequest request) {
      return io.grpc.stub.ClientCalls.futureUnaryCall(
          getChannel().newCall(getAssignLiaisonMethod(), getCallOptions()), request);
    }

    /**
     * <pre>
     * The project's team: the steward with the history of hand-overs, and the liaisons.
     * </pre>
     */
    public com.google.common.util.concurrent.ListenableFuture<gov.steward.agreement.v1.GetTeamResponse> getTeam(
        gov.steward.agreement.v1.GetTeamRequest request) {
      return io.grpc.stub.ClientCalls.futureUnaryCall(
          getChannel().newCall(getGetTeamMethod(), getCallOptions()), request);
    }

    /**
     * <pre>
     * Drafts a new version of the agent plan from an industry chain or a 一件事一次办 bundle of
     * routing's catalogue (and/or items one by one), with target dates agreed with the enterprise.
     * </pre>
     */
    public com.google.common.util.concurrent.ListenableFuture<gov.steward.agreement.v1.DraftPlanResponse> draftPlan(
        gov.steward.agreement.v1.DraftPlanRequest request) {
      return io.grpc.stub.ClientCalls.futureUnaryCall(
          getChannel().newCall(getDraftPlanMethod(), getCallOptions()), request);
    }

    /**
     * <pre>
     * A department's liaison approves its items of the latest version or returns them with a reason.
     * </pre>
     */
    public com.google.common.util.concurrent.ListenableFuture<gov.steward.agreement.v1.ReviewPlanResponse> reviewPlan(
        gov.steward.agreement.v1.ReviewPlanRequest request) {
      return io.grpc.stub.ClientCalls.futureUnaryCall(
          getChannel().newCall(getReviewPlanMethod(), getCallOptions()), request);
    }

    /**
     * <pre>
     * The steward approves the latest version once every department approved it; it is then
     * submitted to approval routing and publishes agreement.plan.approved.
     * </pre>
     */
    public com.google.common.util.concurrent.ListenableFuture<gov.steward.agreement.v1.ApprovePlanResponse> approvePlan(
        gov.steward.agreement.v1.ApprovePlanRequest request) {
      return io.grpc.stub.ClientCalls.futureUnaryCall(
          getChannel().newCall(getApprovePlanMethod(), getCallOptions()), request);
    }

    /**
     * <pre>
     * A version of the plan (the latest when version is 0), with its reviews and its status.
     * </pre>
     */
    public com.google.common.util.concurrent.ListenableFuture<gov.steward.agreement.v1.GetPlanResponse> getPlan(
        gov.steward.agreement.v1.GetPlanRequest request) {
      return io.grpc.stub.ClientCalls.futureUnaryCall(
          getChannel().newCall(getGetPlanMethod(), getCallOptions()), request);
    }

    /**
     */
    public com.google.common.util.concurrent.ListenableFuture<gov.steward.agreement.v1.ListPlanVersionsResponse> listPlanVersions(
        gov.steward.agreement.v1.ListPlanVersionsRequest request) {
      return io.grpc.stub.ClientCalls.futureUnaryCall(
          getChannel().newCall(getListPlanVersionsMethod(), getCallOptions()), request);
    }

    /**
     * <pre>
     * Plan vs actual per item: the agreed target date against the item's state in routing.
     * </pre>
     */
    public com.google.common.util.concurrent.ListenableFuture<gov.steward.agreement.v1.GetPlanProgressResponse> getPlanProgress(
        gov.steward.agreement.v1.GetPlanProgressRequest request) {
      return io.grpc.stub.ClientCalls.futureUnaryCall(
          getChannel().newCall(getGetPlanProgressMethod(), getCallOptions()), request);
    }
  }

  private static final int METHODID_GET_AGREEMENT = 0;
  private static final int METHODID_LIST_AGREEMENTS = 1;
  private static final int METHODID_SIGN_AGREEMENT = 2;
  private static final int METHODID_TERMINATE_AGREEMENT = 3;
  private static final int METHODID_REGISTER_STEWARD = 4;
  private static final int METHODID_LIST_STEWARDS = 5;
  private static final int METHODID_RETIRE_STEWARD = 6;
  private static final int METHODID_SUGGEST_STEWARD = 7;
  private static final int METHODID_ASSIGN_STEWARD = 8;
  private static final int METHODID_RELEASE_STEWARD = 9;
  private static final int METHODID_ASSIGN_LIAISON = 10;
  private static final int METHODID_GET_TEAM = 11;
  private static final int METHODID_DRAFT_PLAN = 12;
  private static final int METHODID_REVIEW_PLAN = 13;
  private static final int METHODID_APPROVE_PLAN = 14;
  private static final int METHODID_GET_PLAN = 15;
  private static final int METHODID_LIST_PLAN_VERSIONS = 16;
  private static final int METHODID_GET_PLAN_PROGRESS = 17;

  private static final class MethodHandlers<Req, Resp> implements
      io.grpc.stub.ServerCalls.UnaryMethod<Req, Resp>,
      io.grpc.stub.ServerCalls.ServerStreamingMethod<Req, Resp>,
      io.grpc.stub.ServerCalls.ClientStreamingMethod<Req, Resp>,
      io.grpc.stub.ServerCalls.BidiStreamingMethod<Req, Resp> {
    private final AsyncService serviceImpl;
    private final int methodId;

    MethodHandlers(AsyncService serviceImpl, int methodId) {
      this.serviceImpl = serviceImpl;
      this.methodId = methodId;
    }

    @java.lang.Override
    @java.lang.SuppressWarnings("unchecked")
    public void invoke(Req request, io.grpc.stub.StreamObserver<Resp> responseObserver) {
      switch (methodId) {
        case METHODID_GET_AGREEMENT:
          serviceImpl.getAgreement((gov.steward.agreement.v1.GetAgreementRequest) request,
              (io.grpc.stub.StreamObserver<gov.steward.agreement.v1.GetAgreementResponse>) responseObserver);
          break;
        case METHODID_LIST_AGREEMENTS:
          serviceImpl.listAgreements((gov.steward.agreement.v1.ListAgreementsRequest) request,
              (io.grpc.stub.StreamObserver<gov.steward.agreement.v1.ListAgreementsResponse>) responseObserver);
          break;
        case METHODID_SIGN_AGREEMENT:
          serviceImpl.signAgreement((gov.steward.agreement.v1.SignAgreementRequest) request,
              (io.grpc.stub.StreamObserver<gov.steward.agreement.v1.SignAgreementResponse>) responseObserver);
          break;
        case METHODID_TERMINATE_AGREEMENT:
          serviceImpl.terminateAgreement((gov.steward.agreement.v1.TerminateAgreementRequest) request,
              (io.grpc.stub.StreamObserver<gov.steward.agreement.v1.TerminateAgreementResponse>) responseObserver);
          break;
        case METHODID_REGISTER_STEWARD:
          serviceImpl.registerSteward((gov.steward.agreement.v1.RegisterStewardRequest) request,
              (io.grpc.stub.StreamObserver<gov.steward.agreement.v1.RegisterStewardResponse>) responseObserver);
          break;
        case METHODID_LIST_STEWARDS:
          serviceImpl.listStewards((gov.steward.agreement.v1.ListStewardsRequest) request,
              (io.grpc.stub.StreamObserver<gov.steward.agreement.v1.ListStewardsResponse>) responseObserver);
          break;
        case METHODID_RETIRE_STEWARD:
          serviceImpl.retireSteward((gov.steward.agreement.v1.RetireStewardRequest) request,
              (io.grpc.stub.StreamObserver<gov.steward.agreement.v1.RetireStewardResponse>) responseObserver);
          break;
        case METHODID_SUGGEST_STEWARD:
          serviceImpl.suggestSteward((gov.steward.agreement.v1.SuggestStewardRequest) request,
              (io.grpc.stub.StreamObserver<gov.steward.agreement.v1.SuggestStewardResponse>) responseObserver);
          break;
        case METHODID_ASSIGN_STEWARD:
          serviceImpl.assignSteward((gov.steward.agreement.v1.AssignStewardRequest) request,
              (io.grpc.stub.StreamObserver<gov.steward.agreement.v1.AssignStewardResponse>) responseObserver);
          break;
        case METHODID_RELEASE_STEWARD:
          serviceImpl.releaseSteward((gov.steward.agreement.v1.ReleaseStewardRequest) request,
              (io.grpc.stub.StreamObserver<gov.steward.agreement.v1.ReleaseStewardResponse>) responseObserver);
          break;
        case METHODID_ASSIGN_LIAISON:
          serviceImpl.assignLiaison((gov.steward.agreement.v1.AssignLiaisonRequest) request,
              (io.grpc.stub.StreamObserver<gov.steward.agreement.v1.AssignLiaisonResponse>) responseObserver);
          break;
        case METHODID_GET_TEAM:
          serviceImpl.getTeam((gov.steward.agreement.v1.GetTeamRequest) request,
              (io.grpc.stub.StreamObserver<gov.steward.agreement.v1.GetTeamResponse>) responseObserver);
          break;
        case METHODID_DRAFT_PLAN:
          serviceImpl.draftPlan((gov.steward.agreement.v1.DraftPlanRequest) request,
              (io.grpc.stub.StreamObserver<gov.steward.agreement.v1.DraftPlanResponse>) responseObserver);
          break;
        case METHODID_REVIEW_PLAN:
          serviceImpl.reviewPlan((gov.steward.agreement.v1.ReviewPlanRequest) request,
              (io.grpc.stub.StreamObserver<gov.steward.agreement.v1.ReviewPlanResponse>) responseObserver);
          break;
        case METHODID_APPROVE_PLAN:
          serviceImpl.approvePlan((gov.steward.agreement.v1.ApprovePlanRequest) request,
              (io.grpc.stub.StreamObserver<gov.steward.agreement.v1.ApprovePlanResponse>) responseObserver);
          break;
        case METHODID_GET_PLAN:
          serviceImpl.getPlan((gov.steward.agreement.v1.GetPlanRequest) request,
              (io.grpc.stub.StreamObserver<gov.steward.agreement.v1.GetPlanResponse>) responseObserver);
          break;
        case METHODID_LIST_PLAN_VERSIONS:
          serviceImpl.listPlanVersions((gov.steward.agreement.v1.ListPlanVersionsRequest) request,
              (io.grpc.stub.StreamObserver<gov.steward.agreement.v1.ListPlanVersionsResponse>) responseObserver);
          break;
        case METHODID_GET_PLAN_PROGRESS:
          serviceImpl.getPlanProgress((gov.steward.agreement.v1.GetPlanProgressRequest) request,
              (io.grpc.stub.StreamObserver<gov.steward.agreement.v1.GetPlanProgressResponse>) responseObserver);
          break;
        default:
          throw new AssertionError();
      }
    }

    @java.lang.Override
    @java.lang.SuppressWarnings("unchecked")
    public io.grpc.stub.StreamObserver<Req> invoke(
        io.grpc.stub.StreamObserver<Resp> responseObserver) {
      switch (methodId) {
        default:
          throw new AssertionError();
      }
    }
  }

  public static final io.grpc.ServerServiceDefinition bindService(AsyncService service) {
    return io.grpc.ServerServiceDefinition.builder(getServiceDescriptor())
        .addMethod(
          getGetAgreementMethod(),
          io.grpc.stub.ServerCalls.asyncUnaryCall(
            new MethodHandlers<
              gov.steward.agreement.v1.GetAgreementRequest,
              gov.steward.agreement.v1.GetAgreementResponse>(
                service, METHODID_GET_AGREEMENT)))
        .addMethod(
          getListAgreementsMethod(),
          io.grpc.stub.ServerCalls.asyncUnaryCall(
            new MethodHandlers<
              gov.steward.agreement.v1.ListAgreementsRequest,
              gov.steward.agreement.v1.ListAgreementsResponse>(
                service, METHODID_LIST_AGREEMENTS)))
        .addMethod(
          getSignAgreementMethod(),
          io.grpc.stub.ServerCalls.asyncUnaryCall(
            new MethodHandlers<
              gov.steward.agreement.v1.SignAgreementRequest,
              gov.steward.agreement.v1.SignAgreementResponse>(
                service, METHODID_SIGN_AGREEMENT)))
        .addMethod(
          getTerminateAgreementMethod(),
          io.grpc.stub.ServerCalls.asyncUnaryCall(
            new MethodHandlers<
              gov.steward.agreement.v1.TerminateAgreementRequest,
              gov.steward.agreement.v1.TerminateAgreementResponse>(
                service, METHODID_TERMINATE_AGREEMENT)))
        .addMethod(
          getRegisterStewardMethod(),
          io.grpc.stub.ServerCalls.asyncUnaryCall(
            new MethodHandlers<
              gov.steward.agreement.v1.RegisterStewardRequest,
              gov.steward.agreement.v1.RegisterStewardResponse>(
                service, METHODID_REGISTER_STEWARD)))
        .addMethod(
          getListStewardsMethod(),
          io.grpc.stub.ServerCalls.asyncUnaryCall(
            new MethodHandlers<
              gov.steward.agreement.v1.ListStewardsRequest,
              gov.steward.agreement.v1.ListStewardsResponse>(
                service, METHODID_LIST_STEWARDS)))
        .addMethod(
          getRetireStewardMethod(),
          io.grpc.stub.ServerCalls.asyncUnaryCall(
            new MethodHandlers<
              gov.steward.agreement.v1.RetireStewardRequest,
              gov.steward.agreement.v1.RetireStewardResponse>(
                service, METHODID_RETIRE_STEWARD)))
        .addMethod(
          getSuggestStewardMethod(),
          io.grpc.stub.ServerCalls.asyncUnaryCall(
            new MethodHandlers<
              gov.steward.agreement.v1.SuggestStewardRequest,
              gov.steward.agreement.v1.SuggestStewardResponse>(
                service, METHODID_SUGGEST_STEWARD)))
        .addMethod(
          getAssignStewardMethod(),
          io.grpc.stub.ServerCalls.asyncUnaryCall(
            new MethodHandlers<
              gov.steward.agreement.v1.AssignStewardRequest,
              gov.steward.agreement.v1.AssignStewardResponse>(
                service, METHODID_ASSIGN_STEWARD)))
        .addMethod(
          getReleaseStewardMethod(),
          io.grpc.stub.ServerCalls.asyncUnaryCall(
            new MethodHandlers<
              gov.steward.agreement.v1.ReleaseStewardRequest,
              gov.steward.agreement.v1.ReleaseStewardResponse>(
                service, METHODID_RELEASE_STEWARD)))
        .addMethod(
          getAssignLiaisonMethod(),
          io.grpc.stub.ServerCalls.asyncUnaryCall(
            new MethodHandlers<
              gov.steward.agreement.v1.AssignLiaisonRequest,
              gov.steward.agreement.v1.AssignLiaisonResponse>(
                service, METHODID_ASSIGN_LIAISON)))
        .addMethod(
          getGetTeamMethod(),
          io.grpc.stub.ServerCalls.asyncUnaryCall(
            new MethodHandlers<
              gov.steward.agreement.v1.GetTeamRequest,
              gov.steward.agreement.v1.GetTeamResponse>(
                service, METHODID_GET_TEAM)))
        .addMethod(
          getDraftPlanMethod(),
          io.grpc.stub.ServerCalls.asyncUnaryCall(
            new MethodHandlers<
              gov.steward.agreement.v1.DraftPlanRequest,
              gov.steward.agreement.v1.DraftPlanResponse>(
                service, METHODID_DRAFT_PLAN)))
        .addMethod(
          getReviewPlanMethod(),
          io.grpc.stub.ServerCalls.asyncUnaryCall(
            new MethodHandlers<
              gov.steward.agreement.v1.ReviewPlanRequest,
              gov.steward.agreement.v1.ReviewPlanResponse>(
                service, METHODID_REVIEW_PLAN)))
        .addMethod(
          getApprovePlanMethod(),
          io.grpc.stub.ServerCalls.asyncUnaryCall(
            new MethodHandlers<
              gov.steward.agreement.v1.ApprovePlanRequest,
              gov.steward.agreement.v1.ApprovePlanResponse>(
                service, METHODID_APPROVE_PLAN)))
        .addMethod(
          getGetPlanMethod(),
          io.grpc.stub.ServerCalls.asyncUnaryCall(
            new MethodHandlers<
              gov.steward.agreement.v1.GetPlanRequest,
              gov.steward.agreement.v1.GetPlanResponse>(
                service, METHODID_GET_PLAN)))
        .addMethod(
          getListPlanVersionsMethod(),
          io.grpc.stub.ServerCalls.asyncUnaryCall(
            new MethodHandlers<
              gov.steward.agreement.v1.ListPlanVersionsRequest,
              gov.steward.agreement.v1.ListPlanVersionsResponse>(
                service, METHODID_LIST_PLAN_VERSIONS)))
        .addMethod(
          getGetPlanProgressMethod(),
          io.grpc.stub.ServerCalls.asyncUnaryCall(
            new MethodHandlers<
              gov.steward.agreement.v1.GetPlanProgressRequest,
              gov.steward.agreement.v1.GetPlanProgressResponse>(
                service, METHODID_GET_PLAN_PROGRESS)))
        .build();
  }

  private static abstract class AgreementServiceBaseDescriptorSupplier
      implements io.grpc.protobuf.ProtoFileDescriptorSupplier, io.grpc.protobuf.ProtoServiceDescriptorSupplier {
    AgreementServiceBaseDescriptorSupplier() {}

    @java.lang.Override
    public com.google.protobuf.Descriptors.FileDescriptor getFileDescriptor() {
      return gov.steward.agreement.v1.AgreementProto.getDescriptor();
    }

    @java.lang.Override
    public com.google.protobuf.Descriptors.ServiceDescriptor getServiceDescriptor() {
      return getFileDescriptor().findServiceByName("AgreementService");
    }
  }

  private static final class AgreementServiceFileDescriptorSupplier
      extends AgreementServiceBaseDescriptorSupplier {
    AgreementServiceFileDescriptorSupplier() {}
  }

  private static final class AgreementServiceMethodDescriptorSupplier
      extends AgreementServiceBaseDescriptorSupplier
      implements io.grpc.protobuf.ProtoMethodDescriptorSupplier {
    private final java.lang.String methodName;

    AgreementServiceMethodDescriptorSupplier(java.lang.String methodName) {
      this.methodName = methodName;
    }

    @java.lang.Override
    public com.google.protobuf.Descriptors.MethodDescriptor getMethodDescriptor() {
      return getServiceDescriptor().findMethodByName(methodName);
    }
  }

  private static volatile io.grpc.ServiceDescriptor serviceDescriptor;

  public static io.grpc.ServiceDescriptor getServiceDescriptor() {
    io.grpc.ServiceDescriptor result = serviceDescriptor;
    if (result == null) {
      synchronized (AgreementServiceGrpc.class) {
        result = serviceDescriptor;
        if (result == null) {
          serviceDescriptor = result = io.grpc.ServiceDescriptor.newBuilder(SERVICE_NAME)
              .setSchemaDescriptor(new AgreementServiceFileDescriptorSupplier())
              .addMethod(getGetAgreementMethod())
              .addMethod(getListAgreementsMethod())
              .addMethod(getSignAgreementMethod())
              .addMethod(getTerminateAgreementMethod())
              .addMethod(getRegisterStewardMethod())
              .addMethod(getListStewardsMethod())
              .addMethod(getRetireStewardMethod())
              .addMethod(getSuggestStewardMethod())
              .addMethod(getAssignStewardMethod())
              .addMethod(getReleaseStewardMethod())
              .addMethod(getAssignLiaisonMethod())
              .addMethod(getGetTeamMethod())
              .addMethod(getDraftPlanMethod())
              .addMethod(getReviewPlanMethod())
              .addMethod(getApprovePlanMethod())
              .addMethod(getGetPlanMethod())
              .addMethod(getListPlanVersionsMethod())
              .addMethod(getGetPlanProgressMethod())
              .build();
        }
      }
    }
    return result;
  }
}
