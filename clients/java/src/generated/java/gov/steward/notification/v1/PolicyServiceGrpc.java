package gov.steward.notification.v1;

import static io.grpc.MethodDescriptor.generateFullMethodName;

/**
 * <pre>
 * Pro-business policies (惠企政策) and their targeted push (定向推送): a catalogue of policies with
 * tags, matched against projects when a project is registered or changes, when it reaches a
 * milestone (an item approved, the case completed) and when a policy is added or changed; each
 * match is pushed to the enterprise once.
 * </pre>
 */
@io.grpc.stub.annotations.GrpcGenerated
public final class PolicyServiceGrpc {

  private PolicyServiceGrpc() {}

  public static final java.lang.String SERVICE_NAME = "steward.notification.v1.PolicyService";

  // Static method descriptors that strictly reflect the proto.
  private static volatile io.grpc.MethodDescriptor<gov.steward.notification.v1.UpsertPolicyRequest,
      gov.steward.notification.v1.UpsertPolicyResponse> getUpsertPolicyMethod;

  @io.grpc.stub.annotations.RpcMethod(
      fullMethodName = SERVICE_NAME + '/' + "UpsertPolicy",
      requestType = gov.steward.notification.v1.UpsertPolicyRequest.class,
      responseType = gov.steward.notification.v1.UpsertPolicyResponse.class,
      methodType = io.grpc.MethodDescriptor.MethodType.UNARY)
  public static io.grpc.MethodDescriptor<gov.steward.notification.v1.UpsertPolicyRequest,
      gov.steward.notification.v1.UpsertPolicyResponse> getUpsertPolicyMethod() {
    io.grpc.MethodDescriptor<gov.steward.notification.v1.UpsertPolicyRequest, gov.steward.notification.v1.UpsertPolicyResponse> getUpsertPolicyMethod;
    if ((getUpsertPolicyMethod = PolicyServiceGrpc.getUpsertPolicyMethod) == null) {
      synchronized (PolicyServiceGrpc.class) {
        if ((getUpsertPolicyMethod = PolicyServiceGrpc.getUpsertPolicyMethod) == null) {
          PolicyServiceGrpc.getUpsertPolicyMethod = getUpsertPolicyMethod =
              io.grpc.MethodDescriptor.<gov.steward.notification.v1.UpsertPolicyRequest, gov.steward.notification.v1.UpsertPolicyResponse>newBuilder()
              .setType(io.grpc.MethodDescriptor.MethodType.UNARY)
              .setFullMethodName(generateFullMethodName(SERVICE_NAME, "UpsertPolicy"))
              .setSampledToLocalTracing(true)
              .setRequestMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  gov.steward.notification.v1.UpsertPolicyRequest.getDefaultInstance()))
              .setResponseMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  gov.steward.notification.v1.UpsertPolicyResponse.getDefaultInstance()))
              .setSchemaDescriptor(new PolicyServiceMethodDescriptorSupplier("UpsertPolicy"))
              .build();
        }
      }
    }
    return getUpsertPolicyMethod;
  }

  private static volatile io.grpc.MethodDescriptor<gov.steward.notification.v1.ListPoliciesRequest,
      gov.steward.notification.v1.ListPoliciesResponse> getListPoliciesMethod;

  @io.grpc.stub.annotations.RpcMethod(
      fullMethodName = SERVICE_NAME + '/' + "ListPolicies",
      requestType = gov.steward.notification.v1.ListPoliciesRequest.class,
      responseType = gov.steward.notification.v1.ListPoliciesResponse.class,
      methodType = io.grpc.MethodDescriptor.MethodType.UNARY)
  public static io.grpc.MethodDescriptor<gov.steward.notification.v1.ListPoliciesRequest,
      gov.steward.notification.v1.ListPoliciesResponse> getListPoliciesMethod() {
    io.grpc.MethodDescriptor<gov.steward.notification.v1.ListPoliciesRequest, gov.steward.notification.v1.ListPoliciesResponse> getListPoliciesMethod;
    if ((getListPoliciesMethod = PolicyServiceGrpc.getListPoliciesMethod) == null) {
      synchronized (PolicyServiceGrpc.class) {
        if ((getListPoliciesMethod = PolicyServiceGrpc.getListPoliciesMethod) == null) {
          PolicyServiceGrpc.getListPoliciesMethod = getListPoliciesMethod =
              io.grpc.MethodDescriptor.<gov.steward.notification.v1.ListPoliciesRequest, gov.steward.notification.v1.ListPoliciesResponse>newBuilder()
              .setType(io.grpc.MethodDescriptor.MethodType.UNARY)
              .setFullMethodName(generateFullMethodName(SERVICE_NAME, "ListPolicies"))
              .setSampledToLocalTracing(true)
              .setRequestMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  gov.steward.notification.v1.ListPoliciesRequest.getDefaultInstance()))
              .setResponseMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  gov.steward.notification.v1.ListPoliciesResponse.getDefaultInstance()))
              .setSchemaDescriptor(new PolicyServiceMethodDescriptorSupplier("ListPolicies"))
              .build();
        }
      }
    }
    return getListPoliciesMethod;
  }

  private static volatile io.grpc.MethodDescriptor<gov.steward.notification.v1.ListPolicyMatchesRequest,
      gov.steward.notification.v1.ListPolicyMatchesResponse> getListPolicyMatchesMethod;

  @io.grpc.stub.annotations.RpcMethod(
      fullMethodName = SERVICE_NAME + '/' + "ListPolicyMatches",
      requestType = gov.steward.notification.v1.ListPolicyMatchesRequest.class,
      responseType = gov.steward.notification.v1.ListPolicyMatchesResponse.class,
      methodType = io.grpc.MethodDescriptor.MethodType.UNARY)
  public static io.grpc.MethodDescriptor<gov.steward.notification.v1.ListPolicyMatchesRequest,
      gov.steward.notification.v1.ListPolicyMatchesResponse> getListPolicyMatchesMethod() {
    io.grpc.MethodDescriptor<gov.steward.notification.v1.ListPolicyMatchesRequest, gov.steward.notification.v1.ListPolicyMatchesResponse> getListPolicyMatchesMethod;
    if ((getListPolicyMatchesMethod = PolicyServiceGrpc.getListPolicyMatchesMethod) == null) {
      synchronized (PolicyServiceGrpc.class) {
        if ((getListPolicyMatchesMethod = PolicyServiceGrpc.getListPolicyMatchesMethod) == null) {
          PolicyServiceGrpc.getListPolicyMatchesMethod = getListPolicyMatchesMethod =
              io.grpc.MethodDescriptor.<gov.steward.notification.v1.ListPolicyMatchesRequest, gov.steward.notification.v1.ListPolicyMatchesResponse>newBuilder()
              .setType(io.grpc.MethodDescriptor.MethodType.UNARY)
              .setFullMethodName(generateFullMethodName(SERVICE_NAME, "ListPolicyMatches"))
              .setSampledToLocalTracing(true)
              .setRequestMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  gov.steward.notification.v1.ListPolicyMatchesRequest.getDefaultInstance()))
              .setResponseMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  gov.steward.notification.v1.ListPolicyMatchesResponse.getDefaultInstance()))
              .setSchemaDescriptor(new PolicyServiceMethodDescriptorSupplier("ListPolicyMatches"))
              .build();
        }
      }
    }
    return getListPolicyMatchesMethod;
  }

  /**
   * Creates a new async stub that supports all call types for the service
   */
  public static PolicyServiceStub newStub(io.grpc.Channel channel) {
    io.grpc.stub.AbstractStub.StubFactory<PolicyServiceStub> factory =
      new io.grpc.stub.AbstractStub.StubFactory<PolicyServiceStub>() {
        @java.lang.Override
        public PolicyServiceStub newStub(io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
          return new PolicyServiceStub(channel, callOptions);
        }
      };
    return PolicyServiceStub.newStub(factory, channel);
  }

  /**
   * Creates a new blocking-style stub that supports all types of calls on the service
   */
  public static PolicyServiceBlockingV2Stub newBlockingV2Stub(
      io.grpc.Channel channel) {
    io.grpc.stub.AbstractStub.StubFactory<PolicyServiceBlockingV2Stub> factory =
      new io.grpc.stub.AbstractStub.StubFactory<PolicyServiceBlockingV2Stub>() {
        @java.lang.Override
        public PolicyServiceBlockingV2Stub newStub(io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
          return new PolicyServiceBlockingV2Stub(channel, callOptions);
        }
      };
    return PolicyServiceBlockingV2Stub.newStub(factory, channel);
  }

  /**
   * Creates a new blocking-style stub that supports unary and streaming output calls on the service
   */
  public static PolicyServiceBlockingStub newBlockingStub(
      io.grpc.Channel channel) {
    io.grpc.stub.AbstractStub.StubFactory<PolicyServiceBlockingStub> factory =
      new io.grpc.stub.AbstractStub.StubFactory<PolicyServiceBlockingStub>() {
        @java.lang.Override
        public PolicyServiceBlockingStub newStub(io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
          return new PolicyServiceBlockingStub(channel, callOptions);
        }
      };
    return PolicyServiceBlockingStub.newStub(factory, channel);
  }

  /**
   * Creates a new ListenableFuture-style stub that supports unary calls on the service
   */
  public static PolicyServiceFutureStub newFutureStub(
      io.grpc.Channel channel) {
    io.grpc.stub.AbstractStub.StubFactory<PolicyServiceFutureStub> factory =
      new io.grpc.stub.AbstractStub.StubFactory<PolicyServiceFutureStub>() {
        @java.lang.Override
        public PolicyServiceFutureStub newStub(io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
          return new PolicyServiceFutureStub(channel, callOptions);
        }
      };
    return PolicyServiceFutureStub.newStub(factory, channel);
  }

  /**
   * <pre>
   * Pro-business policies (惠企政策) and their targeted push (定向推送): a catalogue of policies with
   * tags, matched against projects when a project is registered or changes, when it reaches a
   * milestone (an item approved, the case completed) and when a policy is added or changed; each
   * match is pushed to the enterprise once.
   * </pre>
   */
  public interface AsyncService {

    /**
     * <pre>
     * Adds a policy or replaces it (a new version); admins of the region.
     * </pre>
     */
    default void upsertPolicy(gov.steward.notification.v1.UpsertPolicyRequest request,
        io.grpc.stub.StreamObserver<gov.steward.notification.v1.UpsertPolicyResponse> responseObserver) {
      io.grpc.stub.ServerCalls.asyncUnimplementedUnaryCall(getUpsertPolicyMethod(), responseObserver);
    }

    /**
     */
    default void listPolicies(gov.steward.notification.v1.ListPoliciesRequest request,
        io.grpc.stub.StreamObserver<gov.steward.notification.v1.ListPoliciesResponse> responseObserver) {
      io.grpc.stub.ServerCalls.asyncUnimplementedUnaryCall(getListPoliciesMethod(), responseObserver);
    }

    /**
     * <pre>
     * The pushes made: all, or those of one project. An enterprise sees its own.
     * </pre>
     */
    default void listPolicyMatches(gov.steward.notification.v1.ListPolicyMatchesRequest request,
        io.grpc.stub.StreamObserver<gov.steward.notification.v1.ListPolicyMatchesResponse> responseObserver) {
      io.grpc.stub.ServerCalls.asyncUnimplementedUnaryCall(getListPolicyMatchesMethod(), responseObserver);
    }
  }

  /**
   * Base class for the server implementation of the service PolicyService.
   * <pre>
   * Pro-business policies (惠企政策) and their targeted push (定向推送): a catalogue of policies with
   * tags, matched against projects when a project is registered or changes, when it reaches a
   * milestone (an item approved, the case completed) and when a policy is added or changed; each
   * match is pushed to the enterprise once.
   * </pre>
   */
  public static abstract class PolicyServiceImplBase
      implements io.grpc.BindableService, AsyncService {

    @java.lang.Override public final io.grpc.ServerServiceDefinition bindService() {
      return PolicyServiceGrpc.bindService(this);
    }
  }

  /**
   * A stub to allow clients to do asynchronous rpc calls to service PolicyService.
   * <pre>
   * Pro-business policies (惠企政策) and their targeted push (定向推送): a catalogue of policies with
   * tags, matched against projects when a project is registered or changes, when it reaches a
   * milestone (an item approved, the case completed) and when a policy is added or changed; each
   * match is pushed to the enterprise once.
   * </pre>
   */
  public static final class PolicyServiceStub
      extends io.grpc.stub.AbstractAsyncStub<PolicyServiceStub> {
    private PolicyServiceStub(
        io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
      super(channel, callOptions);
    }

    @java.lang.Override
    protected PolicyServiceStub build(
        io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
      return new PolicyServiceStub(channel, callOptions);
    }

    /**
     * <pre>
     * Adds a policy or replaces it (a new version); admins of the region.
     * </pre>
     */
    public void upsertPolicy(gov.steward.notification.v1.UpsertPolicyRequest request,
        io.grpc.stub.StreamObserver<gov.steward.notification.v1.UpsertPolicyResponse> responseObserver) {
      io.grpc.stub.ClientCalls.asyncUnaryCall(
          getChannel().newCall(getUpsertPolicyMethod(), getCallOptions()), request, responseObserver);
    }

    /**
     */
    public void listPolicies(gov.steward.notification.v1.ListPoliciesRequest request,
        io.grpc.stub.StreamObserver<gov.steward.notification.v1.ListPoliciesResponse> responseObserver) {
      io.grpc.stub.ClientCalls.asyncUnaryCall(
          getChannel().newCall(getListPoliciesMethod(), getCallOptions()), request, responseObserver);
    }

    /**
     * <pre>
     * The pushes made: all, or those of one project. An enterprise sees its own.
     * </pre>
     */
    public void listPolicyMatches(gov.steward.notification.v1.ListPolicyMatchesRequest request,
        io.grpc.stub.StreamObserver<gov.steward.notification.v1.ListPolicyMatchesResponse> responseObserver) {
      io.grpc.stub.ClientCalls.asyncUnaryCall(
          getChannel().newCall(getListPolicyMatchesMethod(), getCallOptions()), request, responseObserver);
    }
  }

  /**
   * A stub to allow clients to do synchronous rpc calls to service PolicyService.
   * <pre>
   * Pro-business policies (惠企政策) and their targeted push (定向推送): a catalogue of policies with
   * tags, matched against projects when a project is registered or changes, when it reaches a
   * milestone (an item approved, the case completed) and when a policy is added or changed; each
   * match is pushed to the enterprise once.
   * </pre>
   */
  public static final class PolicyServiceBlockingV2Stub
      extends io.grpc.stub.AbstractBlockingStub<PolicyServiceBlockingV2Stub> {
    private PolicyServiceBlockingV2Stub(
        io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
      super(channel, callOptions);
    }

    @java.lang.Override
    protected PolicyServiceBlockingV2Stub build(
        io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
      return new PolicyServiceBlockingV2Stub(channel, callOptions);
    }

    /**
     * <pre>
     * Adds a policy or replaces it (a new version); admins of the region.
     * </pre>
     */
    public gov.steward.notification.v1.UpsertPolicyResponse upsertPolicy(gov.steward.notification.v1.UpsertPolicyRequest request) throws io.grpc.StatusException {
      return io.grpc.stub.ClientCalls.blockingV2UnaryCall(
          getChannel(), getUpsertPolicyMethod(), getCallOptions(), request);
    }

    /**
     */
    public gov.steward.notification.v1.ListPoliciesResponse listPolicies(gov.steward.notification.v1.ListPoliciesRequest request) throws io.grpc.StatusException {
      return io.grpc.stub.ClientCalls.blockingV2UnaryCall(
          getChannel(), getListPoliciesMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * The pushes made: all, or those of one project. An enterprise sees its own.
     * </pre>
     */
    public gov.steward.notification.v1.ListPolicyMatchesResponse listPolicyMatches(gov.steward.notification.v1.ListPolicyMatchesRequest request) throws io.grpc.StatusException {
      return io.grpc.stub.ClientCalls.blockingV2UnaryCall(
          getChannel(), getListPolicyMatchesMethod(), getCallOptions(), request);
    }
  }

  /**
   * A stub to allow clients to do limited synchronous rpc calls to service PolicyService.
   * <pre>
   * Pro-business policies (惠企政策) and their targeted push (定向推送): a catalogue of policies with
   * tags, matched against projects when a project is registered or changes, when it reaches a
   * milestone (an item approved, the case completed) and when a policy is added or changed; each
   * match is pushed to the enterprise once.
   * </pre>
   */
  public static final class PolicyServiceBlockingStub
      extends io.grpc.stub.AbstractBlockingStub<PolicyServiceBlockingStub> {
    private PolicyServiceBlockingStub(
        io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
      super(channel, callOptions);
    }

    @java.lang.Override
    protected PolicyServiceBlockingStub build(
        io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
      return new PolicyServiceBlockingStub(channel, callOptions);
    }

    /**
     * <pre>
     * Adds a policy or replaces it (a new version); admins of the region.
     * </pre>
     */
    public gov.steward.notification.v1.UpsertPolicyResponse upsertPolicy(gov.steward.notification.v1.UpsertPolicyRequest request) {
      return io.grpc.stub.ClientCalls.blockingUnaryCall(
          getChannel(), getUpsertPolicyMethod(), getCallOptions(), request);
    }

    /**
     */
    public gov.steward.notification.v1.ListPoliciesResponse listPolicies(gov.steward.notification.v1.ListPoliciesRequest request) {
      return io.grpc.stub.ClientCalls.blockingUnaryCall(
          getChannel(), getListPoliciesMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * The pushes made: all, or those of one project. An enterprise sees its own.
     * </pre>
     */
    public gov.steward.notification.v1.ListPolicyMatchesResponse listPolicyMatches(gov.steward.notification.v1.ListPolicyMatchesRequest request) {
      return io.grpc.stub.ClientCalls.blockingUnaryCall(
          getChannel(), getListPolicyMatchesMethod(), getCallOptions(), request);
    }
  }

  /**
   * A stub to allow clients to do ListenableFuture-style rpc calls to service PolicyService.
   * <pre>
   * Pro-business policies (惠企政策) and their targeted push (定向推送): a catalogue of policies with
   * tags, matched against projects when a project is registered or changes, when it reaches a
   * milestone (an item approved, the case completed) and when a policy is added or changed; each
   * match is pushed to the enterprise once.
   * </pre>
   */
  public static final class PolicyServiceFutureStub
      extends io.grpc.stub.AbstractFutureStub<PolicyServiceFutureStub> {
    private PolicyServiceFutureStub(
        io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
      super(channel, callOptions);
    }

    @java.lang.Override
    protected PolicyServiceFutureStub build(
        io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
      return new PolicyServiceFutureStub(channel, callOptions);
    }

    /**
     * <pre>
     * Adds a policy or replaces it (a new version); admins of the region.
     * </pre>
     */
    public com.google.common.util.concurrent.ListenableFuture<gov.steward.notification.v1.UpsertPolicyResponse> upsertPolicy(
        gov.steward.notification.v1.UpsertPolicyRequest request) {
      return io.grpc.stub.ClientCalls.futureUnaryCall(
          getChannel().newCall(getUpsertPolicyMethod(), getCallOptions()), request);
    }

    /**
     */
    public com.google.common.util.concurrent.ListenableFuture<gov.steward.notification.v1.ListPoliciesResponse> listPolicies(
        gov.steward.notification.v1.ListPoliciesRequest request) {
      return io.grpc.stub.ClientCalls.futureUnaryCall(
          getChannel().newCall(getListPoliciesMethod(), getCallOptions()), request);
    }

    /**
     * <pre>
     * The pushes made: all, or those of one project. An enterprise sees its own.
     * </pre>
     */
    public com.google.common.util.concurrent.ListenableFuture<gov.steward.notification.v1.ListPolicyMatchesResponse> listPolicyMatches(
        gov.steward.notification.v1.ListPolicyMatchesRequest request) {
      return io.grpc.stub.ClientCalls.futureUnaryCall(
          getChannel().newCall(getListPolicyMatchesMethod(), getCallOptions()), request);
    }
  }

  private static final int METHODID_UPSERT_POLICY = 0;
  private static final int METHODID_LIST_POLICIES = 1;
  private static final int METHODID_LIST_POLICY_MATCHES = 2;

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
        case METHODID_UPSERT_POLICY:
          serviceImpl.upsertPolicy((gov.steward.notification.v1.UpsertPolicyRequest) request,
              (io.grpc.stub.StreamObserver<gov.steward.notification.v1.UpsertPolicyResponse>) responseObserver);
          break;
        case METHODID_LIST_POLICIES:
          serviceImpl.listPolicies((gov.steward.notification.v1.ListPoliciesRequest) request,
              (io.grpc.stub.StreamObserver<gov.steward.notification.v1.ListPoliciesResponse>) responseObserver);
          break;
        case METHODID_LIST_POLICY_MATCHES:
          serviceImpl.listPolicyMatches((gov.steward.notification.v1.ListPolicyMatchesRequest) request,
              (io.grpc.stub.StreamObserver<gov.steward.notification.v1.ListPolicyMatchesResponse>) responseObserver);
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
          getUpsertPolicyMethod(),
          io.grpc.stub.ServerCalls.asyncUnaryCall(
            new MethodHandlers<
              gov.steward.notification.v1.UpsertPolicyRequest,
              gov.steward.notification.v1.UpsertPolicyResponse>(
                service, METHODID_UPSERT_POLICY)))
        .addMethod(
          getListPoliciesMethod(),
          io.grpc.stub.ServerCalls.asyncUnaryCall(
            new MethodHandlers<
              gov.steward.notification.v1.ListPoliciesRequest,
              gov.steward.notification.v1.ListPoliciesResponse>(
                service, METHODID_LIST_POLICIES)))
        .addMethod(
          getListPolicyMatchesMethod(),
          io.grpc.stub.ServerCalls.asyncUnaryCall(
            new MethodHandlers<
              gov.steward.notification.v1.ListPolicyMatchesRequest,
              gov.steward.notification.v1.ListPolicyMatchesResponse>(
                service, METHODID_LIST_POLICY_MATCHES)))
        .build();
  }

  private static abstract class PolicyServiceBaseDescriptorSupplier
      implements io.grpc.protobuf.ProtoFileDescriptorSupplier, io.grpc.protobuf.ProtoServiceDescriptorSupplier {
    PolicyServiceBaseDescriptorSupplier() {}

    @java.lang.Override
    public com.google.protobuf.Descriptors.FileDescriptor getFileDescriptor() {
      return gov.steward.notification.v1.PolicyProto.getDescriptor();
    }

    @java.lang.Override
    public com.google.protobuf.Descriptors.ServiceDescriptor getServiceDescriptor() {
      return getFileDescriptor().findServiceByName("PolicyService");
    }
  }

  private static final class PolicyServiceFileDescriptorSupplier
      extends PolicyServiceBaseDescriptorSupplier {
    PolicyServiceFileDescriptorSupplier() {}
  }

  private static final class PolicyServiceMethodDescriptorSupplier
      extends PolicyServiceBaseDescriptorSupplier
      implements io.grpc.protobuf.ProtoMethodDescriptorSupplier {
    private final java.lang.String methodName;

    PolicyServiceMethodDescriptorSupplier(java.lang.String methodName) {
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
      synchronized (PolicyServiceGrpc.class) {
        result = serviceDescriptor;
        if (result == null) {
          serviceDescriptor = result = io.grpc.ServiceDescriptor.newBuilder(SERVICE_NAME)
              .setSchemaDescriptor(new PolicyServiceFileDescriptorSupplier())
              .addMethod(getUpsertPolicyMethod())
              .addMethod(getListPoliciesMethod())
              .addMethod(getListPolicyMatchesMethod())
              .build();
        }
      }
    }
    return result;
  }
}
